#!/usr/bin/python3
"""Regenerate the ASE round-trip references in io/ (run from anywhere with /usr/bin/python3).

1. Runs org.adc.structure.io.RoundTripFiles (needs `mvn -pl stdlib test-compile` first) to write
   io/adc_<name>.{xyz,cif,vasp,data} -- the files adc writes.
2. ASE writes its own files io/ase_<name>.{xyz,cif,vasp,data} for the same structures (built
   independently with ase.spacegroup.crystal / read from the seed-003 table).
3. ASE reads every io/adc_* and io/ase_* file and stores what it got in <file>.ase.txt:
   line 1: N; line 2: cell (9 numbers, rows, Angstrom); then N lines "symbol x y z" (Cartesian).
The Java test reads the same files with adc and compares with the .ase.txt content (1e-8 A).
"""
import glob
import os
import subprocess
import numpy as np
from ase import Atoms
from ase.io import read, write
from ase.spacegroup import crystal

HERE = os.path.dirname(os.path.abspath(__file__))
IO = os.path.join(HERE, "io")
STDLIB = os.path.abspath(os.path.join(HERE, "../../../../.."))
java = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
subprocess.check_call([java, "-cp", os.path.join(STDLIB, "target/classes") + ":" + os.path.join(STDLIB, "target/test-classes"),
                       "org.adc.structure.io.RoundTripFiles", IO])

def si_table(path):
    cell, sym, frac = [], [], []
    for l in open(path):
        t = l.split()
        if len(t) == 4 and t[0] in ("a", "b", "c"):
            cell.append([float(x) for x in t[1:]])
        elif len(t) == 4 and t[0] in ("Si", "Li", "Na", "Mg"):
            sym.append(t[0]); frac.append([float(x) for x in t[1:]])
    return Atoms(sym, scaled_positions=frac, cell=cell, pbc=True)

a = 14.770535
structs = {
    "na24si136": crystal(["Si", "Si", "Si", "Na", "Na"], [(0.1823, 0.1823, 0.3697), (0.2167, 0.2167, 0.2167), (0.125, 0.125, 0.125), (0, 0, 0), (0.375, 0.375, 0.375)],
                         spacegroup=227, setting=2, cellpar=[a, a, a, 90, 90, 90]),
    "asi_li": si_table(os.path.join(IO, "a-Si_Li.sitable")),
    "mg_hcp": crystal(["Mg"], [(1 / 3, 2 / 3, 0.25)], spacegroup=194, cellpar=[3.21, 3.21, 5.21, 90, 90, 120]),
}
for name, at in structs.items():
    write(os.path.join(IO, "ase_%s.xyz" % name), at, format="extxyz")
    write(os.path.join(IO, "ase_%s.cif" % name), at, format="cif")
    write(os.path.join(IO, "ase_%s.vasp" % name), at, format="vasp")
    write(os.path.join(IO, "ase_%s.data" % name), at, format="lammps-data", atom_style="atomic", units="metal")

fmt = {".xyz": "extxyz", ".cif": "cif", ".vasp": "vasp", ".data": "lammps-data"}
for path in sorted(glob.glob(os.path.join(IO, "adc_*")) + glob.glob(os.path.join(IO, "ase_*"))):
    ext = os.path.splitext(path)[1]
    if ext not in fmt:
        continue
    kw = {}
    if ext == ".data":
        # ASE 3.22 takes the element of each type from Z_of_type: adc writes "# Symbol" after
        # each mass; ASE's own files number the sorted species (specorder=None)
        from ase.data import atomic_numbers
        ztype = {}
        for l in open(path):
            t = l.split()
            if len(t) == 4 and t[2] == "#":
                ztype[int(t[0])] = atomic_numbers[t[3]]
        if not ztype:
            name = os.path.basename(path)[4:-5]
            ztype = {i + 1: atomic_numbers[s] for i, s in enumerate(sorted(set(structs[name].get_chemical_symbols())))}
        kw = {"style": "atomic", "units": "metal", "Z_of_type": ztype}
    at = read(path, format=fmt[ext], **kw)
    with open(path + ".ase.txt", "w") as f:
        f.write("%d\n" % len(at))
        f.write(" ".join(repr(float(x)) for x in at.get_cell().array.flatten()) + "\n")
        for s, p in zip(at.get_chemical_symbols(), at.get_positions()):
            f.write("%s %r %r %r\n" % (s, float(p[0]), float(p[1]), float(p[2])))
print("ok")
