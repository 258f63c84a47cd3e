import type { StreamRule } from './rule';
import { meta } from './rule';
import { insertLinesAbove } from '../fixes/edits';
import { SHARD_WRITE_RECORDS_PER_SEC } from '../capacity/limits';

const MESSAGE = 'No declared load: shard count and usage costs unchecked';
const WHY = 'Without the expected write rate and readers, shard sizing and usage costs cannot be checked.';
export const ANNOTATION_ADVICE = 'Add a "# kinesis-lint: records_per_sec=… avg_record_kib=…" comment above the block.';
/** Where a comment cannot be written (JSON, a plan file): the config file's "streams". */
export const CONFIG_ADVICE = 'Declare it under "streams" in .kinesis-lint.json.';

export const rule: StreamRule = {
  meta: meta('throughput-undeclared', 'hint', true, 'No declared load: shard sizing and usage costs cannot be checked.'),
  check(s) {
    // An observed load (metrics snapshot) checks sizing and usage costs without a declaration.
    if (s.declaration || s.loadSource === 'observed') return [];
    // The template starts from what the stream is sized for today (its record capacity at the target utilisation),
    // so inserting it changes no finding until the user writes the real numbers. It declares the record size
    // rather than a byte rate: write ÷ records (0.8 MiB/s ÷ 800 = 1.024 KiB) would be a unit artefact that
    // per-record rounding bills as 2 KiB; 1 KiB records carry 800 KiB/s, within the byte capacity too.
    const target = s.settings.config.targetUtilization;
    const shards = s.shardCount ?? 1;
    const records = Math.round(shards * SHARD_WRITE_RECORDS_PER_SEC * target);
    const template = `# kinesis-lint: records_per_sec=${records} avg_record_kib=1 consumers=0`;
    // JSON has no comments: there the load is declared under "streams" in .kinesis-lint.json, and no fix is offered.
    if (s.block.file.syntax === 'json') {
      return [{ message: MESSAGE, detail: `${WHY} ${CONFIG_ADVICE}`, at: s.header }];
    }
    return [{
      message: MESSAGE,
      detail: `${WHY} ${ANNOTATION_ADVICE}`,
      at: s.header,
      fixes: [{
        title: 'Declare expected throughput (kinesis-lint annotation)',
        edits: [insertLinesAbove(s.block.file, s.block.scanned.span.start, [template])],
        isSuggestion: true,
      }],
    }];
  },
};
