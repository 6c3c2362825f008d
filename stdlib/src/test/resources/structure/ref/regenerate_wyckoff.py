#!/usr/bin/python3
"""spglib Wyckoff letters of the adc prototypes, built independently with ase.spacegroup.crystal
(same settings and parameters as org.adc.structure.Prototypes). Output spglib_wyckoff.txt:
  PROTO name number n_ops_conventional
  symbol fx fy fz letter     (one line per atom)
"""
import os
import spglib
from ase.spacegroup import crystal

HERE = os.path.dirname(os.path.abspath(__file__))
A = 14.770535
protos = {
    "na24si136": (["Si", "Si", "Si", "Na", "Na"], [(0.1823, 0.1823, 0.3697), (0.2167, 0.2167, 0.2167), (0.125, 0.125, 0.125), (0, 0, 0), (0.375, 0.375, 0.375)], 227, [A] * 3 + [90] * 3),
    "na8si46": (["Si", "Si", "Si", "Na", "Na"], [(0.25, 0, 0.5), (0.185, 0.185, 0.185), (0, 0.308, 0.118), (0, 0, 0), (0.25, 0.5, 0)], 223, [10.19] * 3 + [90] * 3),
    "diamond": (["Si"], [(0.125, 0.125, 0.125)], 227, [5.431020511] * 3 + [90] * 3),
    "rocksalt": (["Na", "Cl"], [(0, 0, 0), (0.5, 0.5, 0.5)], 225, [5.64] * 3 + [90] * 3),
    "perovskite": (["Sr", "Ti", "O"], [(0, 0, 0), (0.5, 0.5, 0.5), (0, 0.5, 0.5)], 221, [3.905] * 3 + [90] * 3),
    "antiperovskite": (["Na", "O", "B"], [(0, 0.5, 0.5), (0.5, 0.5, 0.5), (0, 0, 0)], 221, [4.70] * 3 + [90] * 3),
    "hcp": (["Mg"], [(1 / 3, 2 / 3, 0.25)], 194, [3.21, 3.21, 5.21, 90, 90, 120]),
    "bcc": (["Na"], [(0, 0, 0)], 229, [4.29] * 3 + [90] * 3),
    "fcc": (["Cu"], [(0, 0, 0)], 225, [3.615] * 3 + [90] * 3),
}
with open(os.path.join(HERE, "spglib_wyckoff.txt"), "w") as f:
    f.write("# spglib %s Wyckoff letters of adc prototypes built with ASE (regenerate_wyckoff.py)\n" % spglib.__version__)
    for name, (sym, basis, sg, cp) in protos.items():
        at = crystal(sym, basis, spacegroup=sg, setting=2 if sg == 227 else 1, cellpar=cp)
        cell = (at.cell.array, at.get_scaled_positions(), at.numbers)
        ds = spglib.get_symmetry_dataset(cell, symprec=1e-4)
        g = (lambda k: ds[k]) if isinstance(ds, dict) else (lambda k: getattr(ds, k))
        f.write("PROTO %s %d %d\n" % (name, g("number"), len(g("rotations"))))
        for s, p, w in zip(at.get_chemical_symbols(), at.get_scaled_positions(), g("wyckoffs")):
            f.write("%s %.10f %.10f %.10f %s\n" % (s, p[0], p[1], p[2], w))
