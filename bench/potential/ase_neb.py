#!/usr/bin/python3
"""Times ASE's CI-NEB on the stored LJ vacancy end points (same settings as the adc run). Prints 'ase_neb_seconds X'."""
import sys
import time

import numpy as np
from ase import Atoms
from ase.calculators.lj import LennardJones
from ase.neb import NEB
from ase.optimize import FIRE


def load(path):
    kv, ends = {}, {}
    lines = open(path).read().splitlines()
    i = 0
    while i < len(lines):
        t = lines[i].split()
        if t[0] in ('initial', 'final'):
            n = int(kv['natoms'][0])
            rows = [l.split() for l in lines[i + 1:i + 1 + n]]
            cell = np.array([float(x) for x in kv['cell']]).reshape(3, 3)
            ends[t[0]] = Atoms([r[0] for r in rows], positions=[[float(x) for x in r[1:4]] for r in rows], cell=cell, pbc=True)
            i += n
        else:
            kv[t[0]] = t[1:]
        i += 1
    return ends['initial'], ends['final'], float(kv['fmax'][0])


ini, fin, fmax = load(sys.argv[1])
mk = lambda: LennardJones(epsilon=0.0104, sigma=3.4, rc=8.5)
t0 = time.time()
c0 = time.process_time()
images = [ini.copy()] + [ini.copy() for _ in range(5)] + [fin.copy()]
for im in images:
    im.calc = mk()
neb = NEB(images, k=0.1, climb=True, method='improvedtangent')
neb.interpolate()
FIRE(neb, logfile=None).run(fmax=fmax, steps=5000)
e = [im.get_potential_energy() for im in images]
print('ase_neb_seconds %.4f (barrier %.6f eV; process CPU %.4f s)' % (time.time() - t0, max(e) - e[0], time.process_time() - c0))
