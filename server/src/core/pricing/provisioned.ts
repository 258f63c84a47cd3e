// Provisioned-mode lines of an estimate, per stream instance. Metering as in the AWS Price List (see prices.json sources).
import { EXTENDED_RETENTION_AFTER_HOURS, LONG_TERM_RETENTION_AFTER_HOURS } from '../capacity/limits';
import { roundUp } from '../capacity/roundUp';
import type { Metered } from './component';
import { Meter, readGb, storedGb } from './meter';
import type { ProvisionedPrices } from './priceTable';

export interface ProvisionedInputs {
  shards: number | null;
  retentionHours: number | null;
  efoConsumers: number | null;
}

const PER_MILLION = 1e6;

/** The lines, plus notes on what had to be assumed. */
export function provisionedLines(u: ProvisionedInputs, p: ProvisionedPrices, m: Meter): { lines: Metered[]; notes: string[] } {
  const notes: string[] = [];
  const shardHours = u.shards === null ? null : u.shards * m.hoursPerMonth;
  // Extended retention is billed per shard-hour whatever the volume, as soon as retention exceeds 24 h.
  const extendedShardHours =
    u.retentionHours === null ? null : u.retentionHours > EXTENDED_RETENTION_AFTER_HOURS ? shardHours : 0;
  const efoShardHours =
    u.efoConsumers === 0 ? 0 : u.efoConsumers === null || u.shards === null ? null : u.shards * u.efoConsumers * m.hoursPerMonth;

  return {
    lines: [
      { id: 'shard-hours', label: 'Shard hours', quantity: shardHours, unit: 'shard-hours', unitPriceUsd: p.shardHour },
      {
        id: 'put-payload-units',
        label: 'PUT payload units',
        quantity: putPayloadMillions(m, notes),
        unit: 'million PUT units',
        unitPriceUsd: p.putPayloadUnitsPerMillion,
      },
      {
        id: 'extended-retention',
        label: 'Extended retention (over 24 h)',
        quantity: extendedShardHours,
        unit: 'shard-hours',
        unitPriceUsd: p.extendedRetentionPerShardHour,
      },
      {
        id: 'long-term-retention',
        label: 'Long-term retention (over 7 days)',
        quantity: storedGb(m, u.retentionHours, LONG_TERM_RETENTION_AFTER_HOURS, Infinity),
        unit: 'GB-months',
        unitPriceUsd: p.longTermRetentionPerGbMonth,
      },
      {
        id: 'efo-consumer-shard-hours',
        label: 'Enhanced fan-out consumer-shard hours',
        quantity: efoShardHours,
        unit: 'consumer-shard-hours',
        unitPriceUsd: p.efoConsumerShardHour,
      },
      {
        id: 'efo-data-retrieval',
        label: 'Enhanced fan-out data retrieval',
        quantity: readGb(m, u.efoConsumers),
        unit: 'GB',
        unitPriceUsd: p.efoRetrievalPerGb,
      },
    ],
    notes,
  };
}

/** Each record counts ceil(size / unit size) PUT payload units; without a size, one unit per record. */
function putPayloadMillions(m: Meter, notes: string[]): number | null {
  if (m.monthlyRecords === null) return null;
  if (m.avgRecordBytes === null) {
    notes.push(`Record size unknown: each record assumed to be at most ${m.putPayloadUnitBytes / 1024} KiB (1 PUT payload unit).`);
    return m.monthlyRecords / PER_MILLION;
  }
  const unitsPerRecord = Math.max(1, roundUp(m.avgRecordBytes / m.putPayloadUnitBytes));
  return (m.monthlyRecords * unitsPerRecord) / PER_MILLION;
}
