#!/usr/bin/env bash
# The three end-to-end checks of kinesis-lint in real editors (tools from setup.sh):
#   1. extension-host suite: the PACKAGED extension (unzipped .vsix as extensionDevelopmentPath)
#      plus exthost/*.test.js, run by exthost/index.js inside the VS Code server's extension host;
#   2. UI test: the .vsix INSTALLED in the VS Code server, driven in headless Chromium;
#   3. neovim's built-in LSP client against `node server/out/cli/main.js --stdio`.
# Each check runs on its own temp copy of examples/telemetry-pipeline; the repo is never edited
# (except `npm run package` writing the git-ignored kinesis-lint.vsix).
# Env: E2E_TOOLS (tools dir), E2E_OUT (screenshots/logs, default test/e2e/.out),
#      E2E_VSIX (use this .vsix instead of running `npm run package`).
# Last line: "N passed, N failed", summed over the three checks; exit 1 on any failure.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TOOLS=${E2E_TOOLS:-/opt/kinesis-lint-e2e}
OUT=$(mkdir -p "${E2E_OUT:-$HERE/.out}" && cd "${E2E_OUT:-$HERE/.out}" && pwd)
NODE24="$TOOLS/node24/bin/node"
SERVER_MAIN="$TOOLS/cs/node_modules/code-server/lib/vscode/out/server-main.js"
EXPECT="$HERE/fixtures/telemetry-pipeline.json"
EXAMPLE="$REPO/examples/telemetry-pipeline"
export E2E_OUT="$OUT"
t0=$SECONDS
passed=0; failed=0

# Add a check's "N passed, N failed" (its log's last such line) to the totals; no line = 1 failure.
tally() {
  local name=$1 log=$2 line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  [ -n "$line" ] || line="0 passed, 1 failed"
  passed=$((passed + $(cut -d' ' -f1 <<< "$line")))
  failed=$((failed + $(cut -d' ' -f3 <<< "$line")))
  echo "== $name: $line"
}
abort() { echo "e2e aborted: $*" >&2; echo "$passed passed, $((failed + 1)) failed"; exit 1; }

for f in "$NODE24" "$SERVER_MAIN" "$TOOLS/harness/node_modules/playwright-core/package.json" /usr/bin/chromium; do
  [ -e "$f" ] || abort "$f missing; run test/e2e/setup.sh first"
done
command -v nvim > /dev/null || abort "nvim missing; run test/e2e/setup.sh first"
rm -f "$OUT"/*.png "$OUT"/*.log

# Build before the HOME switch below, so npm sees the real user config.
if [ -n "${E2E_VSIX:-}" ]; then
  VSIX=$(realpath "$E2E_VSIX")
else
  echo "== packaging the extension (npm run package)"
  (cd "$REPO" && npm run package) > "$OUT/package.log" 2>&1 || { tail -30 "$OUT/package.log"; abort "npm run package failed"; }
  VSIX="$REPO/kinesis-lint.vsix"
fi
[ -f "$VSIX" ] || abort "no .vsix at $VSIX"
[ -f "$REPO/server/out/cli/main.js" ] || abort "server/out/cli/main.js missing; run npm run compile"
echo "== $(basename "$VSIX") ready ($((SECONDS - t0)) s)"

# Confine what the editors write outside their data dirs (VS Code's /tmp/vscode-*.sock, Chromium's
# ~/.config/chromium and ~/.cache/dconf, nvim's ~/.cache/nvim/lsp.log) to one temp dir.
DATA=$(mktemp -d /tmp/kinesis-lint-e2e.XXXXXX)
PGID=
cleanup() {
  if [ -n "$PGID" ]; then
    # The server's children (extension host, file watcher, agent host) outlive its own pid.
    kill -- "-$PGID" 2> /dev/null
    for _ in $(seq 20); do kill -0 -- "-$PGID" 2> /dev/null || break; sleep 0.25; done
    kill -9 -- "-$PGID" 2> /dev/null
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$DATA/home" "$DATA/tmp"
export HOME="$DATA/home" TMPDIR="$DATA/tmp" XDG_CONFIG_HOME="$DATA/home/.config" \
  XDG_CACHE_HOME="$DATA/home/.cache" XDG_DATA_HOME="$DATA/home/.local/share" XDG_STATE_HOME="$DATA/home/.local/state"
workspace() { mkdir -p "$DATA/$1" && cp -r "$EXAMPLE" "$DATA/$1/" && echo "$DATA/$1/$(basename "$EXAMPLE")"; }
WS_EXTHOST=$(workspace exthost); WS_UI=$(workspace ui); WS_NVIM=$(workspace nvim)

# The packaged files, for the extension-host suite (a dev path overrides the installed copy).
unzip -q "$VSIX" -d "$DATA/vsix" || abort "cannot unzip $VSIX"
[ -f "$DATA/vsix/extension/package.json" ] || abort "$VSIX has no extension/package.json"

common=(--accept-server-license-terms --server-data-dir "$DATA/server" --user-data-dir "$DATA/user"
  --extensions-dir "$DATA/ext")
# User settings: no chat side bar or welcome page, so screenshots (README's among them) show only kinesis-lint.
mkdir -p "$DATA/user/User"
cat > "$DATA/user/User/settings.json" << 'JSON'
{
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.startupEditor": "none"
}
JSON
"$NODE24" "$SERVER_MAIN" "${common[@]}" --install-extension "$VSIX" > "$OUT/install.log" 2>&1 \
  || { cat "$OUT/install.log"; abort "--install-extension failed"; }
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# --enable-smoke-test-driver lets the built workbench honour the dev `payload` URL parameter; the
# code-server CLI rejects that flag, so the VS Code server inside it is started directly.
setsid "$NODE24" "$SERVER_MAIN" "${common[@]}" --host 127.0.0.1 --port "$PORT" --without-connection-token \
  --disable-telemetry --disable-workspace-trust --enable-smoke-test-driver > "$OUT/server.log" 2>&1 &
PGID=$!
ready=
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && { ready=1; break; }; sleep 0.5; done
[ -n "$ready" ] || { tail -20 "$OUT/server.log"; abort "VS Code server not answering on :$PORT"; }
BASE="http://127.0.0.1:$PORT"
echo "== VS Code server up on $BASE with $(basename "$VSIX") installed ($((SECONDS - t0)) s)"

export NODE_PATH="$TOOLS/harness/node_modules"
echo "== extension-host suite"
timeout 300 node "$HERE/exthost-launcher.js" "$BASE" "$WS_EXTHOST" "$DATA/vsix/extension" "$HERE/exthost/index.js" \
  2>&1 | tee "$OUT/exthost.log"
tally "extension-host suite" "$OUT/exthost.log"

echo "== UI test (screenshots in $OUT)"
timeout 300 node "$HERE/ui-test.js" "$BASE" "$WS_UI" "$OUT" 2>&1 | tee "$OUT/ui.log"
tally "UI test" "$OUT/ui.log"

echo "== neovim LSP client"
LSP_CMD_JSON=$(node -e 'console.log(JSON.stringify(process.argv.slice(1)))' node "$REPO/server/out/cli/main.js" --stdio)
(cd "$WS_NVIM" && LSP_CMD_JSON="$LSP_CMD_JSON" TF_FILE="$WS_NVIM/main.tf" EXPECT_JSON="$EXPECT" \
  timeout 90 nvim --headless --clean -n -c "luafile $HERE/nvim/lsp-client.lua") 2>&1 | tee "$OUT/nvim.log"
tally "neovim client" "$OUT/nvim.log"

echo "== e2e took $((SECONDS - t0)) s; screenshots and logs in $OUT"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
