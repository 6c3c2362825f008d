#!/usr/bin/python3
"""Reference neighbour lists from ASE (ase.neighborlist.neighbor_list('ijdS')) for adc's
cell-list neighbour list: a-Si with Li from seed 003 (triclinic), a small hcp Mg cell with a
cutoff longer than the cell (many images), and a strongly skewed random triclinic cell.
Output neighbors_ase.txt: CASE name cutoff / cell 9 / N then positions / PAIRS count then
lines "i j S0 S1 S2 d" sorted."""
import os
import numpy as np
from ase import Atoms
from ase.neighborlist import neighbor_list
from ase.spacegroup import crystal

HERE = os.path.dirname(os.path.abspath(__file__))

def si_table(path):
    cell, sym, frac = [], [], []
    for l in open(path):
        t = l.split()
        if len(t) == 4 and t[0] in ("a", "b", "c"):
            cell.append([float(x) for x in t[1:]])
        elif len(t) == 4 and t[0] in ("Si", "Li", "Na", "Mg"):
            sym.append(t[0]); frac.append([float(x) for x in t[1:]])
    return Atoms(sym, scaled_positions=frac, cell=cell, pbc=True)

rng = np.random.default_rng(7)
cases = [("aSiLi_2.7", si_table(os.path.join(HERE, "io/a-Si_Li.sitable")), 2.7),
         ("aSiLi_4.5", si_table(os.path.join(HERE, "io/a-Si_Li.sitable")), 4.5),
         ("Mg_hcp_7", crystal(["Mg"], [(1 / 3, 2 / 3, 0.25)], spacegroup=194, cellpar=[3.21, 3.21, 5.21, 90, 90, 120]), 7.0)]
skew = Atoms("X" * 0, cell=[[6.0, 0, 0], [4.5, 5.0, 0], [-3.0, 2.5, 5.5]], pbc=True)
pos = rng.random((12, 3)) @ skew.cell.array
cases.append(("skewed_3.9", Atoms("C12", positions=pos - 2.0, cell=skew.cell, pbc=True), 3.9))
with open(os.path.join(HERE, "neighbors_ase.txt"), "w") as f:
    for name, at, rc in cases:
        i, j, d, S = neighbor_list("ijdS", at, rc)
        order = np.lexsort((S[:, 2], S[:, 1], S[:, 0], j, i))
        f.write("CASE %s %r\n" % (name, rc))
        f.write("cell " + " ".join(repr(float(x)) for x in at.cell.array.flatten()) + "\n")
        f.write("N %d\n" % len(at))
        for p in at.positions:
            f.write("%r %r %r\n" % tuple(float(x) for x in p))
        f.write("PAIRS %d\n" % len(i))
        for k in order:
            f.write("%d %d %d %d %d %.12f\n" % (i[k], j[k], S[k, 0], S[k, 1], S[k, 2], d[k]))
