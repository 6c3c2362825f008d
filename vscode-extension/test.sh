#!/usr/bin/env bash
# Tests and packages the VS Code extension, offline after `npm ci`:
#   1. syntaxes/adc.tmLanguage.json is what tools/grammar.py generates
#   2. caret assertions (vscode-tmgrammar-test) in test/grammar/*.test.adc
#   3. snapshots (vscode-tmgrammar-snap) of every example script: examples/**/*.adc and
#      interpreter/src/test/adc/**/*.adc, copied under test/snap/ beside their committed .snap files
#      (a missing or orphaned snapshot fails; ADC_GOLDEN_UPDATE=1 rewrites them)
#   4. packages adc-0.1.0.vsix with @vscode/vsce
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$(cd .. && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "vscode-extension: npm not found; skipping grammar tests and packaging (install Node 20 and npm)" >&2
  exit 0
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "vscode-extension: Node $(node --version) is older than 20 (@vscode/vsce 3.9 needs 20); skipping" >&2
  exit 0
fi
echo "vscode-extension: npm ci"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if command -v python3 >/dev/null 2>&1; then
  python3 tools/grammar.py --check
fi
BIN=node_modules/.bin

echo "vscode-extension: grammar tests"
"$BIN/vscode-tmgrammar-test" -g syntaxes/adc.tmLanguage.json 'test/grammar/*.test.adc' | { grep -v "run successfuly" || true; }
echo "  $(ls test/grammar/*.test.adc | wc -l) files, $(grep -cE '^#\s*(\^|<-)' test/grammar/*.test.adc | awk -F: '{s+=$2} END {print s}') assertions ok"

echo "vscode-extension: snapshot tests"
SNAP=test/snap
mkdir -p "$SNAP"
find "$SNAP" -name '*.adc' -type f -delete
sources=$(cd "$ROOT" && find examples interpreter/src/test/adc -name '*.adc' -type f | sort)
for s in $sources; do
  mkdir -p "$SNAP/$(dirname "$s")"
  cp "$ROOT/$s" "$SNAP/$s"
done
status=0
for snap in $(find "$SNAP" -name '*.adc.snap' | sort); do
  if [ ! -f "${snap%.snap}" ]; then
    if [ "${ADC_GOLDEN_UPDATE:-}" = 1 ]; then rm "$snap"; else echo "  orphaned snapshot: $snap" >&2; status=1; fi
  fi
done
for s in $sources; do
  if [ ! -f "$SNAP/$s.snap" ] && [ "${ADC_GOLDEN_UPDATE:-}" != 1 ]; then
    echo "  missing snapshot: $SNAP/$s.snap (ADC_GOLDEN_UPDATE=1 vscode-extension/test.sh writes it)" >&2
    status=1
  fi
done
[ $status -eq 0 ] || exit $status
UPDATE=()
[ "${ADC_GOLDEN_UPDATE:-}" = 1 ] && UPDATE=(-u)
"$BIN/vscode-tmgrammar-snap" "${UPDATE[@]}" -g syntaxes/adc.tmLanguage.json "$SNAP/**/*.adc" | { grep -v "run successfully\|run successfuly" || true; }
echo "  $(echo "$sources" | wc -w) example scripts ok"

echo "vscode-extension: package"
"$BIN/vsce" package --skip-license --allow-missing-repository -o adc-0.1.0.vsix 2>&1 | tail -1
