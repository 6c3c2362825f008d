#!/usr/bin/env bash
# Regenerates the LAMMPS fix gcmc reference (nist_lj_gcmc.blocks, nist_lj_gcmc.log) used by
# org.adc.gcmc.LammpsGcmcReferenceTest. Needs an `lmp` executable (Debian package lammps); not run by CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
cd "$tmp"
lmp -in "$here/in.nist_lj_gcmc" -var block 50000 -var nblk 40 -log log -screen none
cp blocks.dat "$here/nist_lj_gcmc.blocks"
grep -v '^ *$' log > "$here/nist_lj_gcmc.log"
lmp -h | sed -n '/^Large-scale/,/^$/p;/LAMMPS version/p' | head -3 >> "$here/nist_lj_gcmc.log" || true
echo "wrote $here/nist_lj_gcmc.blocks"
