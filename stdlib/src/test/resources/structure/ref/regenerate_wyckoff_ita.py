#!/usr/bin/python3
"""ITA first coordinate triplets of all 1731 Wyckoff positions -> wyckoff_all.tsv + a test reference.

Source: spglib's Wyckoff database (spglib repository, database/Wyckoff.csv; BSD-3; the data of
the Bilbao Crystallographic Server / ITA Vol. A: for every Hall setting, every Wyckoff position
with multiplicity, letter, oriented site symmetry and its coordinate triplets, ITA's first one
first). Debian's python3-spglib does not ship the CSV: pass the path of a copy of the spglib
source tree's database/Wyckoff.csv:

    /usr/bin/python3 regenerate_wyckoff_ita.py /path/to/spglib/database/Wyckoff.csv

For the setting of each group in adc's spacegroups.tsv (spglib Hall number, column 2) it writes
1. stdlib/src/main/resources/org/adc/symmetry/wyckoff_all.tsv (the runtime table): group, letter,
   multiplicity, site symmetry, first triplet;
2. wyckoff_first_triplet_ref.tsv beside this script (the test reference): group, letter,
   multiplicity, first triplet, the free parameters used, the first representative evaluated
   at those parameters (x, y, z), and the orbit size computed here with the operations of the
   installed python3-spglib (spglib.get_symmetry_from_database) -- a program independent of
   adc's Hall-symbol generator. The script also checks, with the installed spglib's own
   Wyckoff assignment (get_symmetry_dataset), that the evaluated point gets the same letter
   (up to letters related by the Euclidean normalizer, which spglib may choose differently).
CI never runs this script; the Java test (WyckoffFirstTripletTest) reads the reference.
"""
import os
import sys
from fractions import Fraction
import numpy as np
import spglib

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.abspath(os.path.join(HERE, "../../../../.."))
RES = os.path.join(STDLIB, "src/main/resources/org/adc/symmetry")
PARAMS = (Fraction(1173, 10000), Fraction(2341, 10000), Fraction(3617, 10000))

csv = sys.argv[1] if len(sys.argv) > 1 else "/tmp/Wyckoff.csv"
hall_of = {}
for l in open(os.path.join(RES, "spacegroups.tsv")):
    if not l.startswith("#") and l.strip():
        f = l.rstrip("\n").split("\t")
        hall_of[int(f[0])] = int(f[1])
want = {h: g for g, h in hall_of.items()}

# parse the CSV: "H:symbol:::" header lines, "::mult:letter:sitesym:(t1):(t2)..." position lines,
# ":::::(t)..." continuation lines
data = {}
cur = None
for line in open(csv):
    line = line.rstrip("\n")
    if line.startswith("end of data"):
        break
    if not line.startswith(":"):
        h = int(line.split(":")[0])
        cur = data.setdefault(h, []) if h in want else None
        continue
    if cur is None:
        continue
    f = line.split(":")
    if f[2]:
        trip = [t for t in f[5:] if t]
        cur.append([int(f[2]), f[3], f[4], trip[0].strip("()")])

def ev(comp, xyz):
    """Evaluates one component like '-x+y+1/2' or '2x' with Fractions."""
    comp = comp.replace(" ", "")
    v = Fraction(0)
    i = 0
    while i < len(comp):
        sign = 1
        if comp[i] in "+-":
            sign = -1 if comp[i] == "-" else 1
            i += 1
        j = i
        while j < len(comp) and (comp[j].isdigit() or comp[j] == "/"):
            j += 1
        coef = Fraction(comp[i:j]) if j > i else Fraction(1)
        if j < len(comp) and comp[j] in "xyz":
            v += sign * coef * xyz["xyz".index(comp[j])]
            j += 1
        else:
            v += sign * coef
        i = j
    return v

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
        if not any(np.linalg.norm(((y - z + 0.5) % 1.0) - 0.5) < 1e-7 for z in out):
            out.append(y)
    return out

rows, ref, problems = [], [], []
for g in range(1, 231):
    h = hall_of[g]
    sym = spglib.get_symmetry_from_database(h)
    rots, trs = sym["rotations"], sym["translations"]
    pos = data[h]
    letters_in_group = [p[1] for p in pos]
    for mult, letter, ss, trip in reversed(pos):   # CSV lists the general position first; ITA order is a, b, ...
        comps = trip.split(",")
        p = [ev(c, PARAMS) for c in comps]
        used = "".join(c for c in "xyz" if c in trip)
        pf = np.array([float(v) for v in p])
        n_orbit = len(orbit(rots, trs, pf))
        if n_orbit != mult:
            problems.append((g, letter, "orbit %d != multiplicity %d" % (n_orbit, mult)))
        # spglib's own letter for the point (one orbit of Na + one general orbit of Cl keeps the group)
        gen = np.array([0.0731, 0.1627, 0.2893])
        pts = orbit(rots, trs, pf) + orbit(rots, trs, gen)
        types = [11] * n_orbit + [17] * (len(pts) - n_orbit)
        ds = spglib.get_symmetry_dataset((cell_for(g), np.array(pts), types), symprec=1e-5, hall_number=h)
        if ds is None or ds["number"] != g:
            problems.append((g, letter, "spglib finds group %s" % (None if ds is None else ds["number"])))
        elif ds["wyckoffs"][0] != letter:
            other = [q for q in pos if q[1] == ds["wyckoffs"][0]]
            if not other or other[0][0] != mult:
                problems.append((g, letter, "spglib letter %s" % ds["wyckoffs"][0]))
        rows.append((g, letter, mult, ss, trip))
        ref.append((g, letter, mult, trip, used or "-", " ".join("%.10f" % float(v) for v in p), n_orbit))

assert len(rows) == 1731, len(rows)
with open(os.path.join(RES, "wyckoff_all.tsv"), "w") as o:
    o.write("# Wyckoff positions of all 230 space groups in adc's settings (see spacegroups.tsv): 1731 positions.\n")
    o.write("# group, letter, multiplicity, oriented site-symmetry symbol, ITA's first coordinate triplet.\n")
    o.write("# Source: spglib's Wyckoff database (database/Wyckoff.csv; data of ITA Vol. A / Bilbao Crystallographic\n")
    o.write("# Server) for the Hall setting of each group; generated by regenerate_wyckoff_ita.py. Problems: %r\n" % problems)
    for r in rows:
        o.write("%d\t%s\t%d\t%s\t%s\n" % r)
with open(os.path.join(HERE, "wyckoff_first_triplet_ref.tsv"), "w") as o:
    o.write("# ITA first triplets of all 1731 Wyckoff positions (regenerate_wyckoff_ita.py; spglib Wyckoff.csv + python3-spglib %s)\n" % spglib.__version__)
    o.write("# group, letter, multiplicity, first triplet, free parameters used, point at x=0.1173 y=0.2341 z=0.3617, orbit size (spglib operations)\n")
    for r in ref:
        o.write("%d\t%s\t%d\t%s\t%s\t%s\t%d\n" % r)
print("positions", len(rows), "problems", len(problems))
for p in problems[:40]:
    print(p)
