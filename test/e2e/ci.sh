#!/usr/bin/env bash
# CI entry point for the real-editor e2e checks: install the tools (idempotent, fast when already
# there), then run the three checks under an overall bound. Called from .ci/run after the unit tests.
# Very last line: "e2e: N passed, N failed".
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# Bound: setup is ~4 min cold (native module compiles), a run ~1 min; hangs must not stall CI.
SETUP_LIMIT_S=900
RUN_LIMIT_S=900
log=$(mktemp /tmp/kinesis-lint-e2e-ci.XXXXXX)
trap 'rm -f "$log"' EXIT

if ! timeout -k 30 "$SETUP_LIMIT_S" bash "$HERE/setup.sh"; then
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
timeout -k 30 "$RUN_LIMIT_S" bash "$HERE/run.sh" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
# run.sh cut off by the time-out prints no total: count that as a failure.
[ -n "$line" ] || line="0 passed, 1 failed"
if [ "$rc" != 0 ] && [[ "$line" == *" 0 failed" ]]; then line="${line%% *} passed, 1 failed"; fi
echo "e2e: $line"
exit "$rc"
