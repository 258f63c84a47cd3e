// Deterministic Terraform inputs for the benchmark: single-file modules of a given size, and a corpus of many
// ~100-line files in module directories. Output is already `terraform fmt`-clean (aligned `=`), so the native
// floor measures parsing, not reformatting, and the typing session knows where its edit targets are.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: a tiny seeded PRNG, so every run of the benchmark sees the same files. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Consecutive one-line attributes with their `=` aligned, as `terraform fmt` writes them. */
function attrs(indent, pairs) {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

/** The module header: provider, a KMS key, locals and the variables the groups share. */
function header() {
  return [
    'terraform {',
    '  required_providers {',
    '    aws = {',
    ...attrs('      ', [['source', '"hashicorp/aws"'], ['version', '">= 5.0"']]),
    '    }',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region = var.region',
    '}',
    '',
    'variable "region" {',
    ...attrs('  ', [['type', 'string'], ['default', '"us-east-1"']]),
    '}',
    '',
    'variable "environment" {',
    ...attrs('  ', [['type', 'string'], ['default', '"prod"']]),
    '}',
    '',
    'locals {',
    ...attrs('  ', [['prefix', '"${var.environment}-bench"'], ['common_tags', '{ team = "platform" }']]),
    '}',
    '',
    'resource "aws_kms_key" "streams" {',
    ...attrs('  ', [['description', '"Encrypts the benchmark streams"'], ['enable_key_rotation', 'true']]),
    '}',
    '',
  ];
}

/**
 * One stream with its variable and consumers (~50 lines). `id` keeps names unique across the files of a module.
 * Returns the lines and, relative to the first line, where the typing session edits and hovers.
 */
function streamGroup(id, rand) {
  const onDemand = rand() < 0.15;
  const kms = rand() < 0.8;
  const shards = 1 + Math.floor(rand() * 8);
  const write = (1 + Math.floor(rand() * 40)) / 10;
  const records = 200 + Math.floor(rand() * 3000);
  const lines = [
    `variable "retention_${id}" {`,
    ...attrs('  ', [['type', 'number'], ['default', String([24, 48, 168, 720][Math.floor(rand() * 4)])]]),
    '}',
    '',
    `# Stream ${id}: peak load from the capacity dashboard.`,
    `# kinesis-lint: write_mib_per_sec=${write} records_per_sec=${records}`,
    `resource "aws_kinesis_stream" "${id}" {`,
  ];
  const streamLine = lines.length - 1;
  const top = [['name', `"\${local.prefix}-${id}"`]];
  if (!onDemand) top.push(['shard_count', String(shards)]);
  top.push(['retention_period', `var.retention_${id}`]);
  lines.push(...attrs('  ', top));
  const shardLine = onDemand ? -1 : streamLine + 2;
  lines.push('', '  stream_mode_details {', `    stream_mode = "${onDemand ? 'ON_DEMAND' : 'PROVISIONED'}"`, '  }', '');
  if (kms) lines.push(...attrs('  ', [['encryption_type', '"KMS"'], ['kms_key_id', 'aws_kms_key.streams.arn']]), '');
  lines.push('  shard_level_metrics = ["IncomingBytes", "OutgoingBytes"]', '', '  tags = {');
  lines.push(...attrs('    ', [['team', '"platform"'], ['stream', `"${id}"`]]));
  const tagLine = lines.length - 1;
  lines.push('  }', '}', '');
  lines.push(
    `resource "aws_lambda_event_source_mapping" "${id}_aggregate" {`,
    ...attrs('  ', [
      ['event_source_arn', `aws_kinesis_stream.${id}.arn`],
      ['function_name', '"aggregate"'],
      ['starting_position', '"LATEST"'],
      ['batch_size', '500'],
    ]),
    '}',
    '',
    `resource "aws_kinesis_firehose_delivery_stream" "${id}_archive" {`,
    ...attrs('  ', [['name', `"\${local.prefix}-${id}-archive"`], ['destination', '"extended_s3"']]),
    '',
    '  kinesis_source_configuration {',
    ...attrs('    ', [['kinesis_stream_arn', `aws_kinesis_stream.${id}.arn`], ['role_arn', '"arn:aws:iam::123456789012:role/firehose"']]),
    '  }',
    '',
    '  extended_s3_configuration {',
    ...attrs('    ', [['role_arn', '"arn:aws:iam::123456789012:role/firehose"'], ['bucket_arn', '"arn:aws:s3:::bench-archive"']]),
    '  }',
    '}',
    '',
  );
  if (rand() < 0.5) {
    lines.push(
      `resource "aws_kinesis_stream_consumer" "${id}_efo" {`,
      ...attrs('  ', [['name', `"${id}-efo"`], ['stream_arn', `aws_kinesis_stream.${id}.arn`]]),
      '}',
      '',
    );
  }
  const tagText = lines[tagLine];
  const shardText = shardLine >= 0 ? lines[shardLine] : '';
  return {
    lines,
    onDemand,
    targets: {
      stream: streamLine,
      // End of the shard_count digit(s) and of the tag value, just before its closing quote.
      shardCount: shardLine >= 0 ? { line: shardLine, character: shardText.length } : undefined,
      tagValue: { line: tagLine, character: tagText.length - 1 },
    },
  };
}

/**
 * A single-file module of at least `minLines` lines. The edit targets are those of the provisioned stream
 * nearest the middle of the file, so incremental analysis cannot win by editing the first or last block.
 */
function moduleText(minLines, seed) {
  const rand = prng(seed);
  const lines = header();
  const groups = [];
  for (let i = 0; lines.length < minLines; i++) {
    const g = streamGroup(`s${String(i).padStart(4, '0')}`, rand);
    groups.push({ offset: lines.length, g });
    lines.push(...g.lines);
  }
  const provisioned = groups.filter((x) => !x.g.onDemand);
  const mid = provisioned.reduce((best, x) =>
    Math.abs(x.offset - lines.length / 2) < Math.abs(best.offset - lines.length / 2) ? x : best);
  const shift = (p) => ({ line: p.line + mid.offset, character: p.character });
  return {
    text: lines.join('\n'),
    lines: lines.length,
    streams: groups.length,
    targets: {
      // On the resource header: the hover explains the stream (its breakdown and estimate).
      hover: { line: mid.offset + mid.g.targets.stream, character: 10 },
      shardCount: shift(mid.g.targets.shardCount),
      tagValue: shift(mid.g.targets.tagValue),
    },
  };
}

/** `files` files of ~100 lines in `dirs` module directories; the first file of each directory holds the header. */
function writeCorpus(root, files, dirs) {
  const rand = prng(42);
  const perDir = Math.ceil(files / dirs);
  let lines = 0;
  for (let f = 0; f < files; f++) {
    const d = Math.floor(f / perDir);
    const dir = path.join(root, `team-${String(d).padStart(3, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    const out = f % perDir === 0 ? header() : [];
    // Two groups (~100 lines) per file; ids unique within the module directory.
    for (let k = 0; k < 2; k++) out.push(...streamGroup(`f${f}_${k}`, rand).lines);
    fs.writeFileSync(path.join(dir, `streams_${String(f % perDir).padStart(2, '0')}.tf`), out.join('\n') + '\n');
    lines += out.length;
  }
  return { root, files, dirs, avgLines: Math.round(lines / files) };
}

module.exports = { writeCorpus, moduleText, header, streamGroup, attrs, prng };
