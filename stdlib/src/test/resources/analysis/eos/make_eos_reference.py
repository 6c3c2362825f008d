#!/usr/bin/python3
"""Reference equation-of-state fits from ASE (ase.eos.EquationOfState), for EquationOfStateTest.

Data: fcc Cu with ASE's EMT calculator at 9 lattice constants (the ASE EOS tutorial's set-up), and the
same energies with a deterministic ±2 meV perturbation. Run with Debian's python3-ase:
    /usr/bin/python3 make_eos_reference.py > eos_reference.csv
"""
import numpy as np
from ase.build import bulk
from ase.calculators.emt import EMT
from ase.eos import EquationOfState

vols, ens = [], []
for a in np.linspace(3.4, 3.8, 9):
    atoms = bulk("Cu", "fcc", a=a)
    atoms.calc = EMT()
    vols.append(atoms.get_volume())
    ens.append(atoms.get_potential_energy())
noise = 0.002 * np.sin(np.arange(9) * 1.7)
print("# ASE", __import__("ase").__version__, "EquationOfState; v0 [Ang^3], e0 [eV], b0 [eV/Ang^3]")
print("set,i,volume,energy")
for i, (v, e) in enumerate(zip(vols, ens)):
    print(f"clean,{i},{v!r},{e!r}")
for i, (v, e) in enumerate(zip(vols, ens + noise)):
    print(f"noisy,{i},{v!r},{e!r}")
print("set,eos,v0,e0,b0")
for name, es in (("clean", ens), ("noisy", list(np.array(ens) + noise))):
    for eos in ("birchmurnaghan", "murnaghan", "vinet"):
        v0, e0, b = EquationOfState(vols, es, eos=eos).fit()
        print(f"{name},{eos},{v0!r},{e0!r},{b!r}")
