// Which strings may name a ref (git-check-ref-format(1), the subset that matters here): a revision typed by a user
// or read from a setting must never become a path outside the refs (`../../config`).
export function isValidRefName(name: string): boolean {
  if (!name || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock')) return false;
  if (/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\//.test(name)) return false;
  if (name === '@') return false;
  return name.split('/').every((part) => part.length > 0 && !part.startsWith('.'));
}

/** The rules of gitrevisions(7) "<refname>", in order; the bare name only for HEAD-like names and refs/…. */
export function refCandidates(name: string): string[] {
  const out: string[] = [];
  if (/^[A-Z_]+$/.test(name) || name.startsWith('refs/')) out.push(name);
  out.push(`refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`, `refs/remotes/${name}/HEAD`);
  return out;
}

/** The name a user would type for a full ref name: main for refs/heads/main, origin/main for refs/remotes/…. */
export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

/** Edit distance, for a did-you-mean on ref names (short strings only). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
