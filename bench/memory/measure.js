// Peak RSS (VmHWM, incl. parser worker threads) and main-thread heap after a typing session, for several
// builds side by side: BUILDS=before,after node bench/memory/measure.js EDITS SHAPE... (SHAPE: a line count, or blocksN for ~N blocks) with builds in .bench/<name>/{bench,server/out}.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
// Builds to compare, each a copy of bench/ and server/out/ made with `npm run compile`: .bench/<name>/{bench,server/out}.
const root = path.join(__dirname, '..', '..', '.bench');
const builds = (process.env.BUILDS || 'before,after').split(',');
const edits = Number(process.argv[2] || 12);
const shapes = process.argv.slice(3);
const work = fs.mkdtempSync('/tmp/i11mem-');

/** ~3 blocks per stream (own variable, own KMS key, the stream): the shape of issue 11's cliff. */
function blocksText(streams) {
  const lines = ['provider "aws" {', '  region = "us-east-1"', '}', ''];
  let target;
  for (let i = 0; i < streams; i++) {
    const id = `s${String(i).padStart(4, '0')}`;
    const at = lines.length;
    lines.push(`variable "shards_${id}" {`, '  type    = number', `  default = ${1 + (i % 7)}`, '}', '',
      `resource "aws_kms_key" "${id}" {`, `  description = "key for ${id}"`, '}', '',
      `# kinesis-lint: write_mib_per_sec=${1 + (i % 5)} records_per_sec=${300 + i}`,
      `resource "aws_kinesis_stream" "${id}" {`, `  name             = "stream-${id}"`, '  shard_count      = 2',
      '  retention_period = 24', '  encryption_type  = "KMS"', `  kms_key_id       = aws_kms_key.${id}.arn`,
      '  tags = {', `    stream = "${id}"`, '  }', '}', '');
    if (i === Math.floor(streams / 2)) target = at;
  }
  return {
    text: lines.join('\n') + '\n', lines: lines.length,
    targets: {
      hover: { line: target + 10, character: 10 },
      shardCount: { line: target + 12, character: lines[target + 12].length },
      tagValue: { line: target + 17, character: lines[target + 17].length - 1 },
    },
  };
}

function module(shape) {
  const dir = path.join(work, shape);
  fs.mkdirSync(dir, { recursive: true });
  let m;
  if (shape.startsWith('blocks')) m = blocksText(Math.round(Number(shape.slice(6)) / 3));
  else m = require(path.join(root, builds[0].split(':')[0], 'bench/generate.js')).moduleText(Number(shape), 7), m.text += '\n';
  const file = path.join(dir, 'main.tf');
  fs.writeFileSync(file, m.text);
  return { size: shape, dir, file, text: m.text, lines: m.lines, targets: m.targets };
}

(async () => {
  for (const shape of shapes) {
    const m = module(shape);
    for (const spec of builds) {
      const [build, flags] = spec.split(':');
      if (flags) process.env.NODE_OPTIONS = flags; else delete process.env.NODE_OPTIONS;
      const { typingSession } = require(path.join(root, build, 'bench/typingSession.js'));
      const r = await typingSession(m, edits, work, 0);
      console.log(JSON.stringify({ shape, lines: m.lines, build: spec, openRssMB: +r.openRssMB.toFixed(1), rssMB: +r.rssMB.toFixed(1), heapMB: +r.heapMB.toFixed(1), editP50: Math.round(r.editP50), editP95: Math.round(r.editP95), coldOpenMs: Math.round(r.coldOpenMs), undoMismatches: r.undoMismatches, heapUsedMB: r.loopStats?.heapUsedMB, spaces: r.loopStats?.spaces }));
    }
  }
  process.exit(0);
})();
