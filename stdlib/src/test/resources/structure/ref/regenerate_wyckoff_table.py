#!/usr/bin/python3
"""Wyckoff positions of all 230 space groups enumerated from adc's own operations -> /tmp (a cross-check).

wyckoff_all.tsv (ITA first triplets) is written by regenerate_wyckoff_ita.py; this script's
enumeration is an independent check of its letters and multiplicities.

1. Java: org.adc.symmetry.gen.WyckoffEnumerator enumerates the positions from adc's own
   Hall-generated operations (stabilisers of the points of a 48^3 grid and their fixed-point
   subspaces, grouped by equivalence): multiplicity, stabiliser order, x0 and directions.
   (needs `mvn -pl stdlib test-compile` first)
2. spglib (Debian python3-spglib) names each position: a structure made of one orbit on a
   generic point x of the position plus one general orbit is analysed in the same Hall setting;
   spglib reports the ITA letter and site-symmetry symbol of the standardised point P x + p, so
   the subspace is stored mapped by (P, p) -- correct also when spglib's origin differs from ours
   by a normalizer translation (e.g. 8a <-> 8b in Fd-3m). spglib's multiplicity (size of the
   equivalent-atom class in the conventional cell) must equal adc's for every position.
Output rows: group, letter, multiplicity, site symmetry, coordinate triplet (one representative).
"""
import os
import subprocess
import sys
from fractions import Fraction
import numpy as np
import spglib

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.abspath(os.path.join(HERE, "../../../../.."))
OUT = "/tmp/adc_wyckoff_enumerated.tsv"
RAW = "/tmp/adc_wyckoff_enumeration.txt"
GEN = np.array([0.0731, 0.1627, 0.2893])

if "--no-java" not in sys.argv:
    subprocess.check_call(["/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "-cp",
                           os.path.join(STDLIB, "target/classes") + ":" + os.path.join(STDLIB, "target/test-classes"),
                           "org.adc.symmetry.gen.WyckoffEnumerator", RAW])

hall = {}
for l in open(os.path.join(STDLIB, "src/main/resources/org/adc/symmetry/spacegroups.tsv")):
    if not l.startswith("#"):
        f = l.split("\t")
        hall[int(f[0])] = int(f[1])

def cell_for(n):
    if n <= 2: return np.array([[4.1, 0, 0], [0.9, 5.2, 0], [0.7, 1.1, 6.0]])
    if n <= 15: return np.array([[4.1, 0, 0], [0, 5.3, 0], [-1.4, 0, 6.0]])
    if n <= 74: return np.diag([4.1, 5.3, 6.2])
    if n <= 142: return np.diag([4.1, 4.1, 6.2])
    if n <= 194: return np.array([[4.1, 0, 0], [-2.05, 4.1 * np.sqrt(3) / 2, 0], [0, 0, 6.2]])
    return np.eye(3) * 5.3

def orbit(rots, trs, x):
    out = []
    for r, t in zip(rots, trs):
        y = (r @ x + t) % 1.0
        y[np.abs(y - 1) < 1e-9] = 0
        if not any(np.linalg.norm(((y - z + 0.5) % 1.0) - 0.5) < 1e-6 for z in out):
            out.append(y)
    return out

def fr(v):
    f = Fraction(float(v)).limit_denominator(96)
    if abs(float(f) - v) > 1e-6:
        raise ValueError("not rational: %r" % v)
    return f

def triplet(x0, dirs):
    d = len(dirs)
    b = np.array(dirs, dtype=float).reshape(d, 3)
    piv = []
    row = 0
    for c in range(3):
        if row >= d:
            break
        k = row + int(np.argmax(np.abs(b[row:, c])))
        if abs(b[k, c]) < 1e-9:
            continue
        b[[row, k]] = b[[k, row]]
        b[row] = b[row] / b[row, c]
        for r2 in range(d):
            if r2 != row:
                b[r2] = b[r2] - b[r2, c] * b[row]
        piv.append(c)
        row += 1
    x0 = np.array(x0, dtype=float)
    for r_, c in enumerate(piv):
        x0 = x0 - x0[c] * b[r_]
    out = []
    for i in range(3):
        s = ""
        for r_, c in enumerate(piv):
            v = fr(b[r_, i])
            name = "xyz"[c]
            if v == 0:
                continue
            if v == 1: s += ("+" if s else "") + name
            elif v == -1: s += "-" + name
            else: s += ("+" if s and v > 0 else "") + str(v) + name
        off = fr(x0[i] % 1.0)
        if off == 1:
            off = Fraction(0)
        if off != 0 or not s:
            s += ("+" if s and off > 0 else "") + str(off)
        out.append(s)
    return ",".join(out)

rows, bad = [], []
by_group = {}
for l in open(RAW):
    f = l.rstrip("\n").split("\t")
    by_group.setdefault(int(f[0]), []).append(f)
general = np.array([0.4117, 0.0371, 0.7723])
for n in range(1, 231):
    d = spglib.get_symmetry_from_database(hall[n])
    rots, trs = d["rotations"].astype(float), d["translations"]
    gorb = orbit(rots, trs, general)
    entries = []
    for f in by_group.get(n, []):
        m, dim = int(f[1]), int(f[3])
        x0 = np.array([float(v) for v in f[4].split()])
        dirs = [np.array([int(v) for v in f[5 + k].split()]) for k in range(dim)]
        x = x0 + sum((GEN[k] * dirs[k] for k in range(dim)), np.zeros(3))
        sorb = orbit(rots, trs, x)
        if len(sorb) != m:
            bad.append((n, "orbit %d != %d" % (len(sorb), m)))
            continue
        ds = spglib.get_symmetry_dataset((cell_for(n), gorb + sorb, [1] * len(gorb) + [2] * m), symprec=1e-5, hall_number=hall[n])
        if ds is None:
            bad.append((n, "spglib failed")); continue
        g = (lambda k: ds[k]) if isinstance(ds, dict) else (lambda k: getattr(ds, k))
        if g("number") != n:
            bad.append((n, "spglib group %d" % g("number"))); continue
        idx = len(gorb)
        eqv = list(g("equivalent_atoms"))
        if eqv.count(eqv[idx]) != m:
            bad.append((n, "spglib multiplicity %d != %d" % (eqv.count(eqv[idx]), m))); continue
        letter, sitesym = g("wyckoffs")[idx], g("site_symmetry_symbols")[idx]
        P, p = np.array(g("transformation_matrix")), np.array(g("origin_shift"))
        # the representative sorb[0] == x (identity is the first operation)
        xs = P @ x0 + p
        ds_dirs = [P @ v for v in dirs]
        entries.append((letter, m, sitesym, triplet(xs, ds_dirs)))
    entries.sort(key=lambda e: (e[0].isupper(), e[0]))
    letters = "".join(e[0] for e in entries)
    expect = "".join(chr(ord("a") + i) for i in range(len(entries)))
    if len(letters) > 26:
        expect = letters  # groups with > 26 positions use 'A' after 'z' (only Pmmm: 27)
    if letters != expect:
        bad.append((n, "letters " + letters))
    for e in entries:
        rows.append("%d\t%s\t%d\t%s\t%s" % (n, e[0], e[1], e[2], e[3]))
with open(OUT, "w") as f:
    f.write("# Wyckoff positions of all 230 space groups in adc's settings (see spacegroups.tsv):\n")
    f.write("# group, letter, multiplicity, oriented site-symmetry symbol, one coordinate triplet.\n")
    f.write("# Positions enumerated from adc's Hall-generated operations (WyckoffEnumerator); letters and site-symmetry\n")
    f.write("# symbols assigned by spglib %s (ITA conventions). Generated by regenerate_wyckoff_table.py. Problems: %s\n" % (spglib.__version__, bad))
    f.write("\n".join(rows) + "\n")
print("rows", len(rows), "problems", bad)
