#!/usr/bin/env bash
# Regenerates the norm-conserving PBE pseudopotentials of this folder with ld1.x (Debian's quantum-espresso 6.7):
# Troullier-Martins, one projector per channel, nonlinear core correction, scalar-relativistic.
#   examples/dft/pseudo/make_pseudos.sh [OUTDIR]   (writes X.pbe-nc-tm-adc.UPF next to X.pbe-nc-tm-adc.in, or into OUTDIR)
# The UPF files are bit-for-bit reproducible (the generation date is not recorded); PseudopotentialsTest checks it.
# Valence: Li 2s1, Na 3s1, Mg 3s2 (semicore in the core, nlcc for the overlap). Transferability is
# checked against published PBE lattice constants by examples/dft/lattice_constants.adc (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-.}"
mkdir -p "$out"
command -v ld1.x >/dev/null || { echo "ld1.x not found: apt-get install quantum-espresso" >&2; exit 2; }
for f in *.pbe-nc-tm-adc.in; do
  el=${f%%.*}
  work=$(mktemp -d)
  (cd "$work" && ld1.x < "$OLDPWD/$f" > ld1.out 2>&1) || { cat "$work/ld1.out" >&2; exit 1; }
  grep -q "Error in routine" "$work/ld1.out" && { grep -A2 "Error in routine" "$work/ld1.out" >&2; exit 1; }
  sed "s/Generation date: .*/Generation date:  (not recorded: examples\/dft\/pseudo\/make_pseudos.sh)/" "$work/${f%.in}.UPF" > "$out/${f%.in}.UPF"
  rm -rf "$work"
  echo "$el: $(sha256sum "$out/${f%.in}.UPF" | cut -c1-16)"
done
