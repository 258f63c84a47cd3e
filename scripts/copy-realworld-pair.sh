#!/usr/bin/env bash
# Copies the same paths of a mirrored repository at two commits, byte for byte (git show), into
# test/fixtures/realworld-diff/<name>/{base,head}/. Usage: copy-realworld-pair.sh <gitdir> <name> <base> <head> <pathspec>...
# A path absent at one commit is simply absent on that side (a file added or removed by the change).
set -euo pipefail
gitdir=$1 name=$2 base=$3 head=$4; shift 4
out="$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/realworld-diff/$name"
for side in base head; do
  commit=$base; [ $side = head ] && commit=$head
  rm -rf "$out/$side"; mkdir -p "$out/$side"
  git --git-dir="$gitdir" ls-tree -r --name-only "$commit" -- "$@" | while read -r p; do
    mkdir -p "$out/$side/$(dirname "$p")"
    git --git-dir="$gitdir" show "$commit:$p" > "$out/$side/$p"
  done
done
find "$out" -type f | sort
