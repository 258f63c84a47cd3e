// Test support: building temporary git repositories with the git command, and a stand-in for the in-process git
// reader (server/src/node/git) over `git cat-file`/`ls-tree` for the LSP tests, used only while this build has no
// in-process reader (gitAccess.ts inProcessGit). The product itself never runs git.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Host } from '../../server/src/core/types';
import { inProcessGit, type GitAccess, type GitRepository } from '../../server/src/lsp/baseline/gitAccess';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent',
};

/** Runs git in `cwd` (fixtures only); returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('/usr/bin/git', ['-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', ...args], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** `git init` + one commit of everything in `dir`. */
export function commitAll(dir: string, message = 'base'): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

function tryGit(cwd: string, ...args: string[]): string | undefined {
  try {
    return git(cwd, ...args);
  } catch {
    return undefined;
  }
}

/** A blob's exact text (not trimmed), or undefined when the commit has no such file. */
function blob(cwd: string, spec: string): string | undefined {
  try {
    return execFileSync('/usr/bin/git', ['cat-file', 'blob', spec], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

/** The stand-in reader: the same interface and the same refusals (`allowed`) as the in-process one. */
export const cliGit: GitAccess = {
  async findRepository(dir, options) {
    const out = tryGit(dir, 'rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir');
    if (!out) return undefined;
    const [workTree, gitDir, commonDir] = out.split('\n');
    if (options?.allowed && !(options.allowed(gitDir) && options.allowed(commonDir))) return undefined;
    return { workTree, gitDir, commonDir };
  },
  async resolveRevision(repo, rev) {
    const oid = tryGit(repo.workTree, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
    return oid ? { ok: true, commit: oid } : { ok: false, error: `unknown revision '${rev}'` };
  },
  commitTreeHost(repo: GitRepository, commit: string, disk: Host): Host {
    const rel = (p: string) => path.relative(repo.workTree, p).split(path.sep).join('/');
    const fromDisk = (p: string) => rel(p).startsWith('..') || rel(p).split('/').includes('.terraform');
    return {
      async readFile(file, maxBytes) {
        if (fromDisk(file)) return disk.readFile(file, maxBytes);
        return blob(repo.workTree, `${commit}:${rel(file)}`);
      },
      readProblem: (file) => (fromDisk(file) ? disk.readProblem?.(file) : undefined),
      async readDir(dir) {
        if (fromDisk(dir)) return disk.readDir(dir);
        const r = rel(dir);
        const out = tryGit(repo.workTree, 'ls-tree', commit, r === '' ? '.' : `${r}/`);
        if (out === undefined || (out === '' && r !== '')) return undefined;
        return out.split('\n').filter(Boolean).map((line) => {
          const [meta, name] = line.split('\t');
          return { name: path.basename(name), isDirectory: meta.split(' ')[1] === 'tree' };
        });
      },
      realPath: async (p) => p,
    };
  },
};

/** The in-process reader once this build has it, else the stand-in. */
export const testGit: GitAccess = inProcessGit() ?? cliGit;
