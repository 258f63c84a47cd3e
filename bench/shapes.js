// The module shapes the benchmark sweeps (issue #11 item 2, "no cliffs"), each at two or more sizes so the edit
// latency of the largest can be compared with the smallest of the same shape. Deterministic (seeded), already
// `terraform fmt`-clean. Every input says which file the typing session edits and where (targets: the end of a
// shard count's digits, the inside of a tag value's quotes, and a stream header to hover).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { moduleText, header, streamGroup, attrs, prng } = require('./generate');

/**
 * The sweep. `steps` are the sizes of each shape; the no-cliff target compares the last step with the first.
 * `unit` names what grows. The single-file sizes are the issue's; the others scale the shape's own dimension by 10×
 * (4× for the blocks shape, whose full size is the issue's ~3,000 blocks and whose quarter is below the old
 * parse cache's 2,048 entries, so the cliff shows as a ratio).
 */
const SHAPES = [
  { shape: 'single', title: 'one file', unit: 'lines', steps: [5000, 20000, 40000, 100000], make: singleFile },
  { shape: 'blocks', title: 'stream + variable + KMS key per stream', unit: 'streams', steps: [250, 1000], make: blockPerStream },
  { shape: 'files', title: 'files in one module', unit: 'files', steps: [20, 200], make: manyFiles },
  { shape: 'modules', title: 'root modules sharing one local module', unit: 'roots', steps: [5, 50], make: manyModules },
  { shape: 'foreach', title: 'for_each instances of one stream', unit: 'instances', steps: [50, 500], make: forEachMap },
];

/** Top-level blocks: a line that opens a block at column 0 (the generators write nothing else there). */
const countBlocks = (text) => (text.match(/^[a-z_]+( "[^"]*")* \{$/gm) || []).length;

/**
 * Writes every shape at every step under `root`; returns the inputs in SHAPES order, smallest step first.
 * `maxFileBytes`: the server's limit on one file (it skips a larger one); a single-file step over it is lowered
 * by 10k lines until it fits, and the input says which size was asked for (`requested`).
 */
function writeShapes(root, { maxFileBytes = Infinity } = {}) {
  const out = [];
  for (const def of SHAPES) {
    def.steps.forEach((requested, i) => {
      const seed = 2000 + 97 * SHAPES.indexOf(def) + i;
      let step = requested;
      if (def.shape === 'single') {
        while (step > 10000 && Buffer.byteLength(moduleText(step, seed).text) + 1 > maxFileBytes) step -= 10000;
      }
      const dir = path.join(root, `${def.shape}-${step}`);
      const input = def.make(dir, step, seed);
      out.push({ id: `${def.shape}-${step}`, shape: def.shape, title: def.title, unit: def.unit, step, requested, ...input });
    });
  }
  return out;
}

/** Writes `files` ({ relative path: lines }) under dir; returns the module totals. */
function writeAll(dir, files) {
  let lines = 0;
  let blocks = 0;
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = content.join('\n') + '\n';
    fs.writeFileSync(file, text);
    lines += content.length;
    blocks += countBlocks(text);
  }
  return { lines, blocks };
}

function edited(workspace, file, lines, targets, totals, streams) {
  return { workspace, dir: path.dirname(file), file, text: lines.join('\n') + '\n', targets, streams, ...totals };
}

/** One main.tf of `lines` lines (bench/generate.js's module: stream, variable, Lambda, Firehose, EFO consumer). */
function singleFile(dir, lines, seed) {
  const m = moduleText(lines, seed);
  const totals = writeAll(dir, { 'main.tf': m.text.split('\n') });
  return edited(dir, path.join(dir, 'main.tf'), m.text.split('\n'), m.targets, totals, m.streams);
}

/** ~29 lines, three top-level blocks: a variable, a KMS key and a stream using both (the cliff shape). */
function keyedStream(id, rand) {
  const shards = 1 + Math.floor(rand() * 8);
  const lines = [
    `variable "retention_${id}" {`,
    ...attrs('  ', [['type', 'number'], ['default', String([24, 48, 168][Math.floor(rand() * 3)])]]),
    '}',
    '',
    `resource "aws_kms_key" "${id}" {`,
    ...attrs('  ', [['description', `"Encrypts stream ${id}"`], ['enable_key_rotation', 'true']]),
    '}',
    '',
    `# kinesis-lint: write_mib_per_sec=${(1 + Math.floor(rand() * 40)) / 10} records_per_sec=${200 + Math.floor(rand() * 3000)}`,
    `resource "aws_kinesis_stream" "${id}" {`,
    ...attrs('  ', [['name', `"\${local.prefix}-${id}"`], ['shard_count', String(shards)], ['retention_period', `var.retention_${id}`]]),
    '',
    '  stream_mode_details {',
    '    stream_mode = "PROVISIONED"',
    '  }',
    '',
    ...attrs('  ', [['encryption_type', '"KMS"'], ['kms_key_id', `aws_kms_key.${id}.arn`]]),
    '',
    '  tags = {',
    ...attrs('    ', [['team', '"platform"'], ['stream', `"${id}"`]]),
    '  }',
    '}',
    '',
  ];
  const stream = lines.findIndex((l) => l.startsWith('resource "aws_kinesis_stream"'));
  const shard = stream + 2;
  const tag = lines.findIndex((l) => l.startsWith('    stream '));
  return {
    lines,
    targets: {
      hover: { line: stream, character: 10 },
      shardCount: { line: shard, character: lines[shard].length },
      tagValue: { line: tag, character: lines[tag].length - 1 },
    },
  };
}

const shift = (targets, by) => Object.fromEntries(Object.entries(targets).map(([k, p]) => [k, { line: p.line + by, character: p.character }]));
const id4 = (i) => `s${String(i).padStart(4, '0')}`;

/** One file of `streams` keyed streams (3 blocks each); the edit is in the middle stream. */
function blockPerStream(dir, streams, seed) {
  const rand = prng(seed);
  const lines = header();
  let targets;
  for (let i = 0; i < streams; i++) {
    const g = keyedStream(id4(i), rand);
    if (i === streams >> 1) targets = shift(g.targets, lines.length);
    lines.push(...g.lines);
  }
  const file = path.join(dir, 'main.tf');
  return edited(dir, file, lines, targets, writeAll(dir, { 'main.tf': lines }), streams);
}

/** Lines of `count` stream groups (generate.js's, ~50 lines each) and the targets of the first provisioned one. */
function groups(prefix, count, rand, first = []) {
  const lines = [...first];
  let targets;
  for (let k = 0; k < count; k++) {
    const g = streamGroup(`${prefix}_${k}`, rand);
    if (!targets && !g.onDemand) {
      targets = shift({ hover: { line: g.targets.stream, character: 10 }, shardCount: g.targets.shardCount, tagValue: g.targets.tagValue }, lines.length);
    }
    lines.push(...g.lines);
  }
  return { lines, targets };
}

/** One module of `count` files of ~100 lines (two stream groups each; the header in the first); edits the middle file. */
function manyFiles(dir, count, seed) {
  const rand = prng(seed);
  const files = {};
  let target;
  for (let f = 0; f < count; f++) {
    const g = groups(`f${f}`, 2, rand, f === 0 ? header() : []);
    const name = `streams_${String(f).padStart(3, '0')}.tf`;
    files[name] = g.lines;
    // The middle file, or the next one that has a provisioned stream to edit.
    if (!target && f >= count >> 1 && g.targets) target = { name, lines: g.lines, targets: g.targets };
  }
  const totals = writeAll(dir, files);
  return edited(dir, path.join(dir, target.name), target.lines, target.targets, totals, 2 * count);
}

/** The local module every root calls: a stream sized by its caller's inputs. */
function sharedModule() {
  return [
    'variable "name" {',
    '  type = string',
    '}',
    '',
    'variable "shard_count" {',
    '  type = number',
    '}',
    '',
    'resource "aws_kms_key" "shared" {',
    '  enable_key_rotation = true',
    '}',
    '',
    '# kinesis-lint: write_mib_per_sec=2 records_per_sec=1500',
    'resource "aws_kinesis_stream" "shared" {',
    ...attrs('  ', [['name', 'var.name'], ['shard_count', 'var.shard_count'], ['retention_period', '24'],
      ['encryption_type', '"KMS"'], ['kms_key_id', 'aws_kms_key.shared.arn']]),
    '}',
  ];
}

/**
 * `count` root modules (team-NNN/main.tf: the header, two stream groups and a call of ../shared), opened as one
 * workspace; the edit is in the middle root's own stream.
 */
function manyModules(dir, count, seed) {
  const rand = prng(seed);
  const files = { 'shared/main.tf': sharedModule() };
  let target;
  for (let r = 0; r < count; r++) {
    const call = ['module "shared" {', ...attrs('  ', [['source', '"../shared"'], ['name', `"team-${r}-shared"`], ['shard_count', String(1 + (r % 4))]]), '}', ''];
    const g = groups(`r${r}`, 2, rand, [...header(), ...call]);
    const name = `team-${String(r).padStart(3, '0')}/main.tf`;
    files[name] = g.lines;
    if (!target && r >= count >> 1 && g.targets) target = { name, lines: g.lines, targets: g.targets };
  }
  const totals = writeAll(dir, files);
  return edited(dir, path.join(dir, target.name), target.lines, target.targets, totals, 3 * count);
}

/**
 * One stream resource with `for_each` over a locals map of `count` entries (plus a Lambda mapping per instance);
 * the edit is in the middle entry (its shard count, its team tag), the hover on the resource header.
 */
function forEachMap(dir, count, seed) {
  const rand = prng(seed);
  const lines = [...header(), 'locals {', '  streams = {'];
  let targets = {};
  for (let i = 0; i < count; i++) {
    const mid = i === count >> 1;
    lines.push(`    ${id4(i)} = {`);
    if (mid) targets.shardCount = { line: lines.length, character: 0 };
    lines.push(...attrs('      ', [['shards', String(1 + Math.floor(rand() * 8))], ['retention', String([24, 48, 168][Math.floor(rand() * 3)])],
      ['write_mib', String((1 + Math.floor(rand() * 40)) / 10)], ['team', '"platform"']]), '    }');
    if (mid) {
      targets.shardCount.character = lines[targets.shardCount.line].length;
      targets.tagValue = { line: lines.length - 2, character: lines[lines.length - 2].length - 1 };
    }
  }
  lines.push('  }', '}', '', '# kinesis-lint: write_mib_per_sec=2 records_per_sec=1500');
  targets.hover = { line: lines.length, character: 10 };
  lines.push(
    'resource "aws_kinesis_stream" "fleet" {',
    ...attrs('  ', [['for_each', 'local.streams'], ['name', '"${local.prefix}-${each.key}"'], ['shard_count', 'each.value.shards'],
      ['retention_period', 'each.value.retention'], ['encryption_type', '"KMS"'], ['kms_key_id', 'aws_kms_key.streams.arn']]),
    '',
    '  tags = {',
    ...attrs('    ', [['team', 'each.value.team'], ['stream', 'each.key']]),
    '  }',
    '}',
    '',
    'resource "aws_lambda_event_source_mapping" "fleet" {',
    ...attrs('  ', [['for_each', 'aws_kinesis_stream.fleet'], ['event_source_arn', 'each.value.arn'], ['function_name', '"aggregate"'], ['starting_position', '"LATEST"']]),
    '}',
  );
  const file = path.join(dir, 'main.tf');
  return edited(dir, file, lines, targets, writeAll(dir, { 'main.tf': lines }), count);
}

module.exports = { SHAPES, writeShapes };
