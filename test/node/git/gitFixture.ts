// Temporary repositories built with the git CLI for the reader's tests (tests may run git; the product never does).
// Expected values are always asked from git itself (rev-parse, cat-file, show), never written by hand.
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trimEnd();
}

/** git's output as bytes (cat-file of a blob that is not UTF-8). */
export function gitBytes(cwd: string, ...args: string[]): Buffer {
  return execFileSync('git', args, { cwd, env: ENV, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** git with stdin (hash-object --stdin). */
export function gitInput(cwd: string, input: string | Buffer, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, input, encoding: 'utf8' }).trimEnd();
}

/** Whether git fails on these arguments (rev-parse of what the reader must refuse too). */
export function gitFails(cwd: string, ...args: string[]): boolean {
  try {
    git(cwd, ...args);
    return false;
  } catch {
    return true;
  }
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kinesis-lint-git-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A new repository (branch main) in a new temporary directory. */
export function initRepo(parent: string, name = 'repo'): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

export function write(dir: string, rel: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), content);
}

/** Commits everything in the work tree; the commit's date advances so successive commits differ. */
let tick = 0;
export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  const date = new Date(Date.UTC(2026, 0, 1) + ++tick * 60_000).toISOString();
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: dir,
    env: { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  return git(dir, 'rev-parse', 'HEAD');
}

/** `git cat-file --batch` over many `<rev>:<path>` names at once: each object's bytes, or undefined if missing. */
export function catFileBatch(cwd: string, names: string[]): (Buffer | undefined)[] {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd, env: ENV, input: names.join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
  const result: (Buffer | undefined)[] = [];
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    const header = out.toString('utf8', at, nl);
    at = nl + 1;
    const m = /^[0-9a-f]{40} \w+ (\d+)$/.exec(header);
    if (!m) {
      result.push(undefined);
      continue;
    }
    const size = Number(m[1]);
    result.push(out.subarray(at, at + size));
    at += size + 1;
  }
  return result;
}
