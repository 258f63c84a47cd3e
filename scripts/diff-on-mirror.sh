#!/usr/bin/env bash
# `kinesis-lint diff --base <old commit>` on a real repository's own history (not part of npm test: the mirrors are
# not in the clone). Clones a mirror (a bare git dir from the fetch tool, /work/.mirror/owner+name/repo) into a temp
# dir — a local clone hardlinks the mirror's packs, so the base is read from the packfiles GitHub served — checks out
# <head>, and runs the compiled CLI in <dir> (relative to the repository root, default .).
#   scripts/diff-on-mirror.sh <git-dir> <base> <head> [dir] [-- extra CLI args]   (npm run compile first)
set -euo pipefail
gitdir=$1 base=$2 head=$3; shift 3
dir=.; if [ $# -gt 0 ] && [ "$1" != -- ]; then dir=$1; shift; fi
[ "${1:-}" = -- ] && shift
cli="$(cd "$(dirname "$0")/.." && pwd)/server/out/cli/main.js"
work=$(mktemp -d "${TMPDIR:-/tmp}/kinesis-lint-mirror-XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q --no-checkout "$gitdir" "$work/repo"
git -C "$work/repo" -c advice.detachedHead=false checkout -q "$head"
cd "$work/repo/$dir"
echo "\$ kinesis-lint diff --base $base $*   # in $(basename "$(dirname "$gitdir")") at $head, dir $dir"
set +e
node "$cli" diff --base "$base" "$@"
echo "exit code: $?"
