#!/usr/bin/env python3
"""Writes the two GCMC start cells of examples/nasb (seed 004: runs start from Sb and from Na3Sb), N_Sb = 8.

Sb8.vasp:     2x2x2 simple-cubic Sb, a = 3.112 A (30.18 A^3/atom, the volume of A7 Sb at 6.70 g/cm^3; the A7
              structure of Sb is a Peierls-distorted simple cubic lattice, which a pair-type model cannot hold).
Na24Sb8.vasp: hexagonal Na3Sb (P6_3/mmc, Na3As type; a = 5.32 A, c = 9.47 A; Sb 2c, Na 2b and 4f z = 0.583)
              in the orthohexagonal setting a x sqrt(3) a x c doubled along a: 2a x sqrt(3)a x c, 32 atoms.
Run: python3 make_starts.py (no dependencies).
"""
import math, os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, box, atoms):
    order = ["Na", "Sb"]
    atoms = sorted(atoms, key=lambda t: order.index(t[0]))
    counts = [sum(1 for t in atoms if t[0] == e) for e in order]
    with open(os.path.join(HERE, name), "w") as f:
        f.write(name[:-5] + " start cell for examples/nasb (make_starts.py)\n1.0\n")
        for k in range(3):
            v = [0.0, 0.0, 0.0]
            v[k] = box[k]
            f.write("  %.6f %.6f %.6f\n" % tuple(v))
        els = [e for e, c in zip(order, counts) if c]
        f.write("  " + " ".join(els) + "\n  " + " ".join(str(c) for c in counts if c) + "\nCartesian\n")
        for e, x, y, z in atoms:
            f.write("  %.6f %.6f %.6f\n" % (x % box[0], y % box[1], z % box[2]))


a_sc = 30.18 ** (1 / 3)
write("Sb8.vasp", [2 * a_sc] * 3, [("Sb", i * a_sc, j * a_sc, k * a_sc) for i in range(2) for j in range(2) for k in range(2)])

a, c, z = 5.32, 9.47, 0.583
hexa = [("Sb", 1/3, 2/3, 1/4), ("Sb", 2/3, 1/3, 3/4), ("Na", 0, 0, 1/4), ("Na", 0, 0, 3/4),
        ("Na", 1/3, 2/3, z), ("Na", 2/3, 1/3, z + .5), ("Na", 2/3, 1/3, 1 - z), ("Na", 1/3, 2/3, .5 - z)]
box = [2 * a, math.sqrt(3) * a, c]
atoms = []
for e, u, v, w in hexa:
    for lx, ly in [(0, 0), (a / 2, math.sqrt(3) * a / 2), (a, 0), (1.5 * a, math.sqrt(3) * a / 2)]:
        x = u * a - v * a / 2 + lx
        y = v * a * math.sqrt(3) / 2 + ly
        atoms.append((e, x, y, w * c))
write("Na24Sb8.vasp", box, atoms)
print("wrote Sb8.vasp and Na24Sb8.vasp")
