// The module shapes the differential tests replay (issue #11's benchmark shapes, smaller where the shape, not the
// size, is the point), each with the files its edits target and the value every stream reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renameIds, type Files } from './edits';
import { moduleText } from './generated';

export type EditKind =
  | 'type' // characters typed or deleted
  | 'insertStream'
  | 'insertVariable'
  | 'deleteBlock'
  | 'moveBlock' // cut + paste in the same file
  | 'moveToFile' // cut + paste into another file of the module
  | 'paste1000' // 1,000 generated lines at once
  | 'undo' // back to the text before the last edit, exactly
  | 'global' // the value every stream reads
  | 'input' // a module call's input (one caller of a shared module)
  | 'break'; // an unclosed brace/heredoc/string; the next step fixes it (undo)

export interface Shape {
  name: string;
  files: Files;
  /** The module directories analysed, as the server passes them (called modules included). */
  roots: string[];
  /** Files edits target; a file listed twice is edited twice as often. */
  targets: string[];
  /** Every kind is taken once first (in a seeded order), then at random. */
  kinds: EditKind[];
  steps: number;
  /** The value every stream reads. */
  global?: { file: string; pattern: RegExp; values: string[] };
  /** Module inputs of the callers. */
  inputs?: { files: string[]; pattern: RegExp; values: string[] };
}

const ALL: EditKind[] = ['type', 'insertStream', 'insertVariable', 'deleteBlock', 'moveBlock', 'moveToFile', 'paste1000', 'undo', 'global', 'break'];
/** Big shapes cost ~1–2 s per step (the from-scratch side parses everything): each kind once, little else. */
const BIG: EditKind[] = ['type', 'insertStream', 'deleteBlock', 'moveBlock', 'paste1000', 'undo', 'global', 'break'];

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
/** moduleText's `variable "environment"` default: part of every stream's name (local.prefix). */
export const ENVIRONMENT = /variable "environment" \{\r?\n {2}type {4}= string\r?\n {2}default = "(\w+)"/;
/** moduleText without its header, with stream ids prefixed (several can live in one module). */
export const groups = (minLines: number, seed: number, prefix: string) => {
  const text = moduleText(minLines, seed).text;
  return renameIds(text.slice(text.indexOf('variable "retention_')), prefix) + '\n';
};

/** ~3,000 top-level blocks: each stream with its own variable and KMS key (above the parse cache's old 2,048 entries). */
export function streams3000(): Shape {
  const out = ['variable "retention" {', '  type    = number', '  default = 48', '}', ''];
  for (let i = 0; i < 1000; i++) {
    out.push(
      `variable "shards_${i}" {`, '  type    = number', `  default = ${(i % 4) + 1}`, '}', '',
      `resource "aws_kms_key" "k_${i}" {`, `  description = "key ${i}"`, '}', '',
      `# kinesis-lint: write_mib_per_sec=${(i % 5) + 1} records_per_sec=${(i % 3 + 1) * 700}`,
      `resource "aws_kinesis_stream" "s_${i}" {`,
      `  name             = "s-${i}"`,
      `  shard_count      = var.shards_${i}`,
      '  retention_period = var.retention',
      '  encryption_type  = "KMS"',
      `  kms_key_id       = aws_kms_key.k_${i}.arn`,
      '}',
      '',
    );
  }
  return {
    name: '3,001 top-level blocks (1,000 streams, each with its own variable and KMS key)',
    files: { '/ws/main.tf': out.join('\n') },
    roots: ['/ws'],
    targets: ['/ws/main.tf'],
    kinds: BIG,
    steps: 9,
    global: { file: '/ws/main.tf', pattern: /variable "retention" \{\n {2}type {4}= number\n {2}default = (\d+)/, values: ['24', '168', '720', '48'] },
  };
}

/** 200 files of one module, one stream group (~50 lines) each; the first holds the header. */
export function files200(): Shape {
  const files: Files = {};
  for (let i = 0; i < 200; i++) {
    const name = `/ws/f${String(i).padStart(3, '0')}.tf`;
    files[name] = i === 0 ? moduleText(40, 500).text.replace(/(?<![A-Za-z0-9])s0000(?!\d)/g, 'f0_0000') + '\n' : groups(40, 500 + i, `f${i}_`);
  }
  const names = Object.keys(files);
  return {
    name: '200 files in one module',
    files,
    roots: ['/ws'],
    targets: [names[0], names[57], names[123], names[199]],
    kinds: [...BIG, 'moveToFile'],
    steps: 10,
    global: { file: names[0], pattern: ENVIRONMENT, values: ['dev', 'stage', 'prod'] },
  };
}

/** Several root modules calling one shared local module with their own inputs. */
export function sharedModule(): Shape {
  const files: Files = {
    '/ws/shared/variables.tf': [
      'variable "prefix" {', '  type = string', '}', '',
      'variable "shards" {', '  type    = number', '  default = 1', '}', '',
      'variable "retention" {', '  type    = number', '  default = 24', '}', '',
    ].join('\n'),
    '/ws/shared/main.tf': [
      'resource "aws_kms_key" "k" {', '  description = "shared"', '}', '',
      '# kinesis-lint: write_mib_per_sec=2 records_per_sec=1500',
      'resource "aws_kinesis_stream" "events" {', '  name             = "${var.prefix}-events"', '  shard_count      = var.shards',
      '  retention_period = var.retention', '  encryption_type  = "KMS"', '  kms_key_id       = aws_kms_key.k.arn', '}', '',
      '# kinesis-lint: write_mib_per_sec=0.5',
      'resource "aws_kinesis_stream" "audit" {', '  name             = "${var.prefix}-audit"', '  shard_count      = 1',
      '  retention_period = var.retention * 7', '}', '',
      'resource "aws_kinesis_stream_consumer" "fan" {', '  name       = "fan"', '  stream_arn = aws_kinesis_stream.events.arn', '}', '',
    ].join('\n'),
  };
  const roots = ['/ws/shared'];
  for (let i = 0; i < 6; i++) {
    const dir = `/ws/app${i}`;
    roots.push(dir);
    files[`${dir}/main.tf`] = [
      'provider "aws" {', `  region = "${['us-east-1', 'eu-west-1', 'ap-southeast-2'][i % 3]}"`, '}', '',
      'module "kin" {', '  source = "../shared"', '', `  prefix = "app${i}"`, `  shards = ${i + 1}`, '}', '',
      ...(i % 2 ? ['module "kin_b" {', '  source    = "../shared"', `  prefix    = "app${i}b"`, '  retention = 168', '}', ''] : []),
    ].join('\n');
  }
  const callers = roots.slice(1).map((d) => `${d}/main.tf`);
  return {
    name: '6 root modules calling one shared local module',
    files,
    roots,
    targets: ['/ws/shared/main.tf', '/ws/shared/main.tf', '/ws/shared/variables.tf', ...callers.slice(0, 2)],
    kinds: [...ALL.filter((k) => k !== 'paste1000'), 'input'],
    steps: 24,
    global: { file: '/ws/shared/variables.tf', pattern: /variable "retention" \{\n {2}type {4}= number\n {2}default = (\d+)/, values: ['48', '720', '24'] },
    inputs: { files: callers, pattern: /shards = (\d+)/, values: ['1', '4', '9', '2'] },
  };
}

/** One stream with for_each over a map of 500 entries, beside a few plain streams. */
export function forEach500(): Shape {
  const entries = Array.from({ length: 500 }, (_, i) => `    t${i} = ${(i % 6) + 1}`);
  const text = [
    'variable "retention" {', '  type    = number', '  default = 24', '}', '',
    'locals {', '  tenants = {', ...entries, '  }', '}', '',
    '# kinesis-lint: write_mib_per_sec=2 records_per_sec=1200',
    'resource "aws_kinesis_stream" "tenant" {', '  for_each = local.tenants', '', '  name             = "tenant-${each.key}"',
    '  shard_count      = each.value', '  retention_period = var.retention', '  encryption_type  = "KMS"', '  kms_key_id       = "alias/tenants"', '}', '',
    'resource "aws_kinesis_stream" "plain" {', '  name             = "plain"', '  shard_count      = 2', '  retention_period = var.retention', '}', '',
  ].join('\n');
  return {
    name: 'a stream with for_each over a 500-entry map',
    files: { '/ws/main.tf': text, '/ws/extra.tf': 'variable "unused" {\n  default = 1\n}\n' },
    roots: ['/ws'],
    targets: ['/ws/main.tf'],
    kinds: ALL,
    steps: 12,
    global: { file: '/ws/main.tf', pattern: /variable "retention" \{\n {2}type {4}= number\n {2}default = (\d+)/, values: ['48', '720', '24'] },
  };
}

/** One file of 20,000 lines (the benchmark's module). */
export function file20k(): Shape {
  return {
    name: 'one 20,000-line file',
    files: { '/ws/main.tf': moduleText(20000, 7).text + '\n' },
    roots: ['/ws'],
    targets: ['/ws/main.tf'],
    kinds: BIG,
    steps: 9,
    global: { file: '/ws/main.tf', pattern: ENVIRONMENT, values: ['dev', 'stage'] },
  };
}

/** Files written with CRLF line breaks (edits insert CRLF too). */
export function crlfModule(): Shape {
  return {
    name: 'CRLF files (two files, ~1,500 lines)',
    files: { '/ws/main.tf': crlf(moduleText(1000, 11).text + '\n'), '/ws/more.tf': crlf(groups(500, 12, 'm_')) },
    roots: ['/ws'],
    targets: ['/ws/main.tf', '/ws/more.tf'],
    kinds: ALL,
    steps: 14,
    global: { file: '/ws/main.tf', pattern: ENVIRONMENT, values: ['dev', 'stage', 'prod'] },
  };
}

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** Every file of a directory the analysis reads, keyed by its path under `prefix`. */
export function moduleFiles(dir: string, prefix = '/ws'): Files {
  const out: Files = {};
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) Object.assign(out, moduleFiles(p, `${prefix}/${name}`));
    else if (/\.(tf|tfvars)$|\.kinesis-lint\.json$/.test(name)) out[`${prefix}/${name}`] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

export function example(name: string, targets: string[], steps: number): Shape {
  const files = moduleFiles(path.join(EXAMPLES, name));
  return { name: `examples/${name}`, files, roots: ['/ws'], targets: targets.map((t) => `/ws/${t}`), kinds: ALL.filter((k) => k !== 'global'), steps };
}
