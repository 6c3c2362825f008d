#!/usr/bin/env bash
# Manual check (not part of bin/test): installs VS Code 1.100 as code-server from npm, installs the
# extension from the .vsix, opens a recipe with a unit error in headless Chromium and prints what the
# editor shows: the error squiggle and problem count from `adc lsp`, and the hover over `arrhenius`.
# Needs npm (registry.npmjs.org), Debian's chromium and ripgrep (apt-get install chromium ripgrep), a C++
# toolchain and the Node 20 headers (/usr/include/node) for code-server's native modules. Nothing is
# downloaded from other hosts: code-server's install scripts (which fetch ripgrep and argon2 binaries
# from GitHub) are skipped; ripgrep comes from Debian and argon2 (password login) is replaced by a stub,
# as the check runs with --auth none on 127.0.0.1.
#
#   vscode-extension/tools/code-server-check.sh [WORKDIR]     (default /tmp/adc-code-server)
set -euo pipefail
EXT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
ROOT="$(cd "$EXT/.." && pwd)"
W="${1:-/tmp/adc-code-server}"
PORT="${ADC_CODE_SERVER_PORT:-8123}"
mkdir -p "$W"
cd "$W"
for t in chromium rg g++ make; do
  command -v "$t" >/dev/null || { echo "needs $t (apt-get install chromium ripgrep build-essential)" >&2; exit 2; }
done
CS="$W/node_modules/code-server"
if [ ! -d "$CS/lib/vscode/node_modules" ]; then
  echo "code-server: npm install (install scripts skipped)"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error code-server@4.100.3 puppeteer-core@23 >/dev/null
  (cd "$CS/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  (cd "$CS/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  echo "code-server: building native modules against /usr/include/node"
  (cd "$CS/lib/vscode" && npm rebuild @vscode/spdlog node-pty native-watchdog --nodedir=/usr >/dev/null 2>&1 || true)
  mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  (cd "$CS/lib/vscode" && ln -sfn node_modules node_modules.asar)
  printf '%s\n' '// stub: the check runs with --auth none; the native argon2 binding is downloaded from GitHub by its install script' \
    'module.exports = { hash: async () => { throw new Error("argon2 unavailable"); }, verify: async () => false };' \
    > "$W/node_modules/argon2/argon2.js"
fi
(cd "$CS/lib/vscode" && for m in @vscode/spdlog node-pty native-watchdog @parcel/watcher; do
  node -e "require('$m')" || { echo "code-server: native module $m does not load" >&2; exit 2; }
done)
VSIX=$(ls "$EXT"/adc-*.vsix 2>/dev/null | head -1)
[ -n "$VSIX" ] || { echo "no .vsix: run vscode-extension/test.sh first" >&2; exit 2; }
CODE=(node "$CS/out/node/entry.js" --user-data-dir "$W/user" --extensions-dir "$W/extensions")
echo "code-server: $("${CODE[@]}" --version | head -1)"
"${CODE[@]}" --install-extension "$VSIX" 2>&1 | grep -v '^\[' || true
"${CODE[@]}" --list-extensions --show-versions | grep adc
# a workspace with a recipe that has a unit error, using the launcher of this checkout
rm -rf "$W/ws" && mkdir -p "$W/ws/.vscode"
printf '{\n  "adc.executablePath": "%s/adc",\n  "workbench.startupEditor": "none"\n}\n' "$ROOT" > "$W/ws/.vscode/settings.json"
mkdir -p "$W/user/User"
printf '{\n  "workbench.startupEditor": "none",\n  "security.workspace.trust.enabled": false\n}\n' > "$W/user/User/settings.json"
printf '# a recipe with a unit error\nlet ea = 0.903 eV\nlet t = 450 degC\nlet wrong = ea + t\nprint(arrhenius(ea = ea, t = t))\n' \
  > "$W/ws/unit_error.adc"
"$ROOT/adc" --version >/dev/null   # build the launcher before the editor starts it
"${CODE[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-workspace-trust "$W/ws" >"$W/code-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do grep -q "HTTP server listening" "$W/code-server.log" && break; sleep 1; done
(cd "$W" && NODE_PATH="$W/node_modules" node "$EXT/tools/code-server-check.js" "http://127.0.0.1:$PORT/?folder=$W/ws" unit_error.adc \
  "$W/screenshot.png")
echo "activation (extension host log):"
grep -h "_doActivateExtension adc-project.adc" "$W"/user/logs/*/exthost*/remoteexthost.log | tail -1 | sed 's/^/  /'
echo "screenshot: $W/screenshot.png"
