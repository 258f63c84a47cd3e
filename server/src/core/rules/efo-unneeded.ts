import type { StreamRule } from './rule';
import { meta } from './rule';
import { mib, perInstance, plural } from './messages';
import { formatUsd } from '../pricing/format';
import { deltaUsd, describeDelta } from './costDelta';
import { SHARD_GET_RECORDS_CALLS_PER_SEC, SHARD_SHARED_READ_BYTES_PER_SEC } from '../capacity/limits';

// Propagation delay, AWS developer guide "Reading data from Kinesis Data Streams": about 70 ms with enhanced
// fan-out, about 200 ms with one polling consumer, about 1,000 ms with five.
const EFO_LATENCY = '~70 ms';
const SHARED_LATENCY = '~200 ms (up to ~1 s with five readers)';

export const rule: StreamRule = {
  meta: meta('efo-unneeded', 'info', false, 'EFO consumers on a stream whose readers would all fit the shared 2 MiB/s per shard and 5 reads/s.'),
  check(s) {
    const { efo, standard, exact } = s.consumers;
    const write = s.load?.writeBytesPerSec;
    if (s.mode !== 'PROVISIONED' || s.shardCount === null || !efo || standard === null || !exact || !write) return [];
    const readers = efo + standard;
    const demand = write * readers;
    const capacity = SHARD_SHARED_READ_BYTES_PER_SEC * s.shardCount * s.settings.config.targetUtilization;
    // Each polling reader makes at least one GetRecords call per second per shard (Lambda and the KCL poll once a second).
    if (demand > capacity || readers > SHARD_GET_RECORDS_CALLS_PER_SEC) return [];
    const [shared, now] = [s.estimate({ efoConsumers: 0, standardConsumers: readers }), s.estimate()];
    const cost = describeDelta(shared, now);
    const usd = deltaUsd(shared, now);
    const consumers = plural(efo, 'EFO consumer');
    return [{
      message: usd === undefined ? `${consumers} where shared reads would do` : `${consumers} ${efo === 1 ? 'costs' : 'cost'} ${formatUsd(usd)}/mo${perInstance(s)}; shared reads would do`,
      detail: `EFO costs ${cost}${perInstance(s)}, but all ${readers} readers together need ${mib(demand)} of the ${mib(capacity)} shared read capacity and ${readers} of the ${SHARD_GET_RECORDS_CALLS_PER_SEC} GetRecords calls/s per shard: standard consumers would do, unless you need EFO's ${EFO_LATENCY} propagation instead of ${SHARED_LATENCY}.`,
      at: s.header,
      monthlyUsd: usd,
    }];
  },
};
