// Temporary git repositories for the `diff` tests: built with the git CLI (tests only; the product never runs git).
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/** Files to write (relative path → text) or delete (→ null). */
export type Files = Record<string, string | null>;

export function tempDir(prefix = 'kinesis-lint-diff-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8',
    // No user or system config: hooks, signing or templates on this machine must not change the fixture.
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' },
  });
}

export function writeFiles(root: string, files: Files): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
}

/** A repository whose commits are `steps` in order (each one commit); returns its directory. */
export function repoWithCommits(...steps: Files[]): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  steps.forEach((files, i) => {
    writeFiles(dir, files);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `step ${i + 1}`);
  });
  return dir;
}

export const PROVIDER = 'provider "aws" {\n  region = "us-east-1"\n}\n';

/**
 * A priced stream: a declared load of 0.5 MiB/s in 50 records/s (10.24 KiB records, one PUT payload unit each), KMS
 * with a customer key (no finding). us-east-1 (server/src/core/pricing/prices.json): per shard 730 h × $0.015 =
 * $10.95; PUT 50 × 2,628,000 s = 131.4 M units × $0.014 = $1.8396; so 1 shard, 24 h: $12.7896.
 */
export function stream(name: string, shards: number | string = 1, retention = 24): string {
  return `# kinesis-lint: write_mib_per_sec=0.5 records_per_sec=50
resource "aws_kinesis_stream" "${name}" {
  name             = "${name}"
  shard_count      = ${shards}
  retention_period = ${retention}
  encryption_type  = "KMS"
  kms_key_id       = "alias/streams"
}
`;
}
