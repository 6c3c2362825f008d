#!/usr/bin/python3
"""Internal coordinates of the Si136 framework of Na24Si136 from a Stillinger-Weber relaxation.

No published refinement of Na24Si136 (Reny et al., J. Mater. Chem. 8, 2839 (1998); Beekman et al.)
could be consulted, so adc's prototype uses the framework relaxed with the Stillinger-Weber Si
potential (Stillinger & Weber, Phys. Rev. B 31, 5262 (1985); LAMMPS Si.sw) at the lattice constant
of seed 000 (a = 14.770535 A), Na omitted (SW has no Na), box fixed, starting from
x32e = 0.2178, x96g = 0.1826, z96g = 0.3705. LAMMPS (Debian `lmp`) minimises the energy
(cg, etol 0, ftol 1e-10 eV/A); the relaxation keeps Fd-3m, and the parameters are averaged over
each orbit. Prints the three numbers used in org.adc.structure.Prototypes.na24si136().
Run with /usr/bin/python3 (python3-ase) and lmp on the PATH.
"""
import os
import subprocess
import tempfile
import numpy as np
from ase.io import read, write
from ase.spacegroup import crystal

HERE = os.path.dirname(os.path.abspath(__file__))
SW = os.path.abspath(os.path.join(HERE, "../../potential/Si.sw"))
a = 14.770535
si = crystal(["Si", "Si", "Si"], [(0.1826, 0.1826, 0.3705), (0.2178, 0.2178, 0.2178), (0.125, 0.125, 0.125)],
             spacegroup=227, setting=2, cellpar=[a, a, a, 90, 90, 90])
with tempfile.TemporaryDirectory() as d:
    write(os.path.join(d, "si136.data"), si, format="lammps-data", atom_style="atomic", units="metal")
    open(os.path.join(d, "in.relax"), "w").write(f"""units metal
atom_style atomic
boundary p p p
read_data si136.data
mass 1 28.0855
pair_style sw
pair_coeff * * {SW} Si
thermo_style custom step pe fnorm
min_style cg
minimize 0.0 1.0e-10 100000 1000000
write_dump all custom relaxed.dump id x y z modify sort id format float %.15g
""")
    log = subprocess.run(["lmp", "-in", "in.relax", "-log", "log.lammps"], cwd=d, capture_output=True, text=True, check=True).stdout
    rows = [l.split() for l in open(os.path.join(d, "relaxed.dump")).read().split("ITEM: ATOMS id x y z\n")[1].strip().split("\n")]
    pos = np.array([[float(x) for x in r[1:]] for r in rows])
    lines = log.splitlines()
    for k, l in enumerate(lines):
        if l.strip().startswith("Energy initial") or l.strip().startswith("Force two-norm") or l.strip().startswith("Stopping criterion"):
            print("LAMMPS:", l.strip(), lines[k + 1].strip() if l.strip().startswith(("Energy", "Force")) else "")
import spglib
frac = (pos / a) % 1.0
ds = spglib.get_symmetry_dataset((si.get_cell().array, frac, [14] * len(frac)), symprec=1e-5)
num = ds["number"] if isinstance(ds, dict) else ds.number
wy = ds["wyckoffs"] if isinstance(ds, dict) else ds.wyckoffs
print("space group after relaxation (symprec 1e-5 A):", num, "".join(sorted(set(wy))))
# parameters: the relaxed atom closest to each starting representative, in the same cell
def closest(p):
    d = frac - p; d -= np.rint(d)
    return frac[np.argmin(np.linalg.norm(d, axis=1))]
e = closest(np.array([0.2178] * 3))
g = closest(np.array([0.1826, 0.1826, 0.3705]))
print("x32e = %.4f (spread %.1e)" % (e.mean(), np.ptp(e)))
print("x96g = %.4f, z96g = %.4f (x-y %.1e)" % ((g[0] + g[1]) / 2, g[2], abs(g[0] - g[1])))

# The same for the type-I framework Si46 (Pm-3n) of Na8Si46 at a = 10.19 A, starting from
# x16i = 0.185, y24k = 0.308, z24k = 0.118 (used by org.adc.structure.Prototypes.na8si46()).
a1 = 10.19
si46 = crystal(["Si", "Si", "Si"], [(0.25, 0, 0.5), (0.185, 0.185, 0.185), (0, 0.308, 0.118)], spacegroup=223, cellpar=[a1] * 3 + [90] * 3)
assert len(si46) == 46, len(si46)
with tempfile.TemporaryDirectory() as d:
    write(os.path.join(d, "si46.data"), si46, format="lammps-data", atom_style="atomic", units="metal")
    open(os.path.join(d, "in.relax"), "w").write(f"""units metal
atom_style atomic
boundary p p p
read_data si46.data
mass 1 28.0855
pair_style sw
pair_coeff * * {SW} Si
min_style cg
minimize 0.0 1.0e-10 100000 1000000
write_dump all custom relaxed.dump id x y z modify sort id format float %.15g
""")
    subprocess.run(["lmp", "-in", "in.relax", "-log", "log.lammps"], cwd=d, capture_output=True, text=True, check=True)
    rows = [l.split() for l in open(os.path.join(d, "relaxed.dump")).read().split("ITEM: ATOMS id x y z\n")[1].strip().split("\n")]
    f46 = (np.array([[float(x) for x in r[1:]] for r in rows]) / a1) % 1.0
ds = spglib.get_symmetry_dataset((si46.get_cell().array, f46, [14] * 46), symprec=1e-5)
print("Si46 space group after relaxation:", ds["number"] if isinstance(ds, dict) else ds.number)
def closest46(p):
    d = f46 - p; d -= np.rint(d)
    return f46[np.argmin(np.linalg.norm(d, axis=1))]
i16 = closest46(np.array([0.185] * 3))
k24 = closest46(np.array([0, 0.308, 0.118]))
print("x16i = %.4f, y24k = %.4f, z24k = %.4f (24k x %.1e)" % (i16.mean(), k24[1], k24[2], min(k24[0], 1 - k24[0])))
