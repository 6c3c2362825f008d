#!/usr/bin/python3
"""Runs LAMMPS's NEB (7 replicas via mpirun, one process each, FIRE, climbing image in stage 2) on the stored LJ
vacancy end points and prints 'lammps_neb_seconds X (barrier Y eV)'. Needs lmp and mpirun."""
import os
import re
import subprocess
import sys
import tempfile
import time

path = sys.argv[1]
lines = open(path).read().splitlines()
kv, ends, i = {}, {}, 0
while i < len(lines):
    t = lines[i].split()
    if t[0] in ('initial', 'final'):
        n = int(kv['natoms'][0])
        ends[t[0]] = [l.split() for l in lines[i + 1:i + 1 + n]]
        i += n
    else:
        kv[t[0]] = t[1:]
    i += 1
cell = [float(x) for x in kv['cell']]
fmax = float(kv['fmax'][0])
n = int(kv['natoms'][0])
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'initial.data'), 'w') as f:
        f.write('neb\n\n%d atoms\n1 atom types\n0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n\nMasses\n\n1 39.948\n\nAtoms # atomic\n\n'
                % (n, cell[0], cell[4], cell[8]))
        for k, r in enumerate(ends['initial']):
            f.write('%d 1 %s %s %s\n' % (k + 1, r[1], r[2], r[3]))
    with open(os.path.join(d, 'final.coords'), 'w') as f:
        f.write('%d\n' % n)
        for k, r in enumerate(ends['final']):
            f.write('%d %s %s %s\n' % (k + 1, r[1], r[2], r[3]))
    with open(os.path.join(d, 'in.neb'), 'w') as f:
        f.write('units metal\natom_style atomic\natom_modify map array sort 0 0.0\nboundary p p p\nread_data initial.data\n'
                'pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.4\npair_modify shift yes\n'
                'neighbor 1.0 bin\nfix 1 all neb 0.1\ntimestep 0.01\nmin_style fire\nthermo 100\n'
                'neb 0.0 %g 5000 5000 10 final final.coords\n' % fmax)
    t0 = time.time()
    cmd = ['mpirun', '--allow-run-as-root', '--oversubscribe', '-np', '7', 'lmp', '-partition', '7x1', '-in', 'in.neb']
    subprocess.run(cmd, cwd=d, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dt = time.time() - t0
    log = open(os.path.join(d, 'log.lammps')).read().splitlines()
    rows = [l.split() for l in log if re.match(r'^\s*\d+\s', l)]
    last = rows[-1]
    # columns: Step MaxReplicaForce MaxAtomForce GradV0 GradV1 GradVc EBF EBR RDT ...
    print('lammps_neb_seconds %.4f (barrier %s eV, %s steps)' % (dt, last[6], last[0]))
