// The assumptions behind an estimate, in words. Shown wherever an estimate is shown, so a reader can tell an
// estimate from a bill (infracost issue #6: usage-based lines silently shown as $0.00).
import type { CostComponent } from './component';
import type { Meter } from './meter';
import type { PriceTable } from './priceTable';
import type { StreamUsage } from './estimate';
import { describeFallback } from './fallbackWords';
import { ADVANTAGE_COMMITMENT } from './advantageWords';
import { observedWords } from '../metrics/describe';

const MiB = 1024 * 1024;

export interface AssumptionInputs {
  usage: StreamUsage;
  table: PriceTable;
  region: string;
  priceRegion: string;
  fallback: boolean;
  advantage: boolean;
  meter: Meter;
  components: CostComponent[];
  notes: string[];
}

export function describeAssumptions(a: AssumptionInputs): string[] {
  const { usage, table, meter } = a;
  const out: string[] = [];
  out.push(`Prices for ${a.priceRegion} in ${table.currency}, published ${table.priceDate}.`);
  if (a.fallback) out.push(describeFallback(a.region, a.priceRegion));
  if (a.advantage) {
    out.push('Billed at On-demand Advantage rates (account-level, set for this account and region): no stream-hour charge.');
    out.push(ADVANTAGE_COMMITMENT);
  }
  out.push(`1 month = ${meter.hoursPerMonth} hours; 1 GB = 2^${Math.log2(meter.bytesPerGb)} bytes.`);
  if (usage.instances === 0) out.push('No instance (count/for_each is empty): nothing is billed.');
  else if (usage.instances !== 1) out.push(`${usage.instances} instances (count/for_each): every line is for all of them.`);
  out.push(...describeLoad(usage, meter));
  if (usage.mode === 'PROVISIONED') {
    const unitKiB = meter.putPayloadUnitBytes / 1024;
    const perMiB = Math.ceil(MiB / meter.putPayloadUnitBytes);
    out.push(
      `1 PUT payload unit = ${unitKiB} KiB (${meter.putPayloadUnitBytes.toLocaleString('en-US')} bytes), so a 1 MiB record is ${perMiB} units ` +
        `(AWS's "1 MB = 40 units" example reads KB as 1,000 bytes).`,
    );
  }
  if (usage.mode === 'ON_DEMAND') {
    out.push(
      `Data in: each record rounded up to ${meter.onDemandIngestRoundingBytes / 1024} KiB (AWS pricing page); reads are not rounded per record ` +
        '(a secondary source; AWS does not say).',
    );
  }
  out.push(...a.notes);
  out.push(...describeUnknowns(a));
  out.push(notIncluded(a));
  return out;
}

/** What the estimate leaves out; long-term retrieval is priced only for a declared replay volume with a sourced price. */
function notIncluded(a: AssumptionInputs): string {
  const retrievalPriced = a.components.some((c) => c.id === 'long-term-retrieval');
  const declared = a.meter.replayGiBPerMonth !== null;
  if (a.usage.mode === 'PROVISIONED') {
    const retrieval = retrievalPriced
      ? ''
      : declared
        ? `long-term data retrieval (no price for ${a.priceRegion} in the price table), `
        : 'long-term data retrieval (reads of data older than 7 days: declare replay_gib_per_month to price them), ';
    return `Not included: ${retrieval}data transfer, KMS requests.`;
  }
  const retrieval = declared ? 'long-term data retrieval (no sourced on-demand price), ' : '';
  return a.advantage
    ? `Not included: the account-wide Advantage commitment beyond this stream's own usage, ${retrieval}data transfer, KMS requests.`
    : `Not included: On-demand Advantage pricing (set "account": { "on_demand_advantage": true } if the account uses it), ${retrieval}data transfer, KMS requests.`;
}

function describeLoad(usage: StreamUsage, meter: Meter): string[] {
  const load = usage.load;
  if (!load) return [];
  const observed = load.observedRange;
  const out = [
    observed
      ? `Peak rates ${observedWords(observed)} (p99 of 1-minute rates, from the metrics snapshot), averaged at ${round(load.avgUtilization * 100)}% over the month.`
      : `Declared peak rates, averaged at ${round(load.avgUtilization * 100)}% over the month.`,
  ];
  if (meter.avgRecordBytes !== null) {
    const from = observed ? 'the observed IncomingBytes ÷ IncomingRecords' : 'write_mib_per_sec ÷ records_per_sec';
    out.push(
      meter.recordSizeDerived
        ? `Average record size ${round(meter.avgRecordBytes / 1024)} KiB, derived from ${from}.`
        : `Average record size ${round(meter.avgRecordBytes / 1024)} KiB.`,
    );
  }
  return out;
}

/** Says which unknown input left which lines unpriced. */
function describeUnknowns(a: AssumptionInputs): string[] {
  const unpriced = a.components.filter((c) => c.quantity === null);
  if (unpriced.length === 0) return [];
  const { usage } = a;
  const causes: string[] = [];
  const gap = loadGap(usage);
  if (gap) causes.push(gap);
  if (usage.mode === 'PROVISIONED' && usage.shards === null) causes.push('shard count unknown');
  if (usage.retentionHours === null) causes.push('retention period unknown');
  if (usage.mode === 'ON_DEMAND' && usage.standardConsumers === null) causes.push('number of standard consumers unknown');
  if (usage.efoConsumers === null) causes.push('number of enhanced fan-out consumers unknown');
  const because = causes.length ? ` (${causes.join('; ')})` : '';
  return [`Not priced${because}: ${unpriced.map((c) => c.label).join(', ')}.`];
}

/** What the declared load lacks for pricing this mode, in words, or null. */
export function loadGap(usage: StreamUsage): string | null {
  if (usage.load === null) return 'no load declared';
  if (usage.load.writeBytesPerSec === null) return 'no write rate (MiB/s, or records/s with a record size) declared';
  if (usage.load.recordsPerSec === null && usage.mode === 'PROVISIONED') return 'no records/s declared';
  return null;
}

/** Up to two decimals, no trailing zeros: 80, 12.5, 0.33. */
function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
