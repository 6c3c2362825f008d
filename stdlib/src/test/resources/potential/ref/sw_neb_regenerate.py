#!/usr/bin/python3
"""Reference for the Stillinger-Weber Si vacancy hop (writes sw_vacancy.neb), computed by LAMMPS alone.

System: diamond Si, 3x3x3 conventional cells (a = 5.431 A, 216 sites), SW from ../Si.sw; the atom at the
origin O is removed. With SW the symmetric vacancy (E_f 4.34 eV) is not a minimum: it relaxes into the split
vacancy (a neighbour halfway into the vacant site, E_f 2.70 eV). The hop is the migration of the split vacancy
by one bond: initial = split vacancy on the bond O-S (the atom of S = (a/4)(1,1,1) near the bond centre); final =
that atom in O and the atom of T = (a/2, a/2, 0) on the bond S-T. The end points are equivalent by symmetry, the
band is symmetric and the barrier (0.512 eV) is a real saddle.

1. Both end points are relaxed by LAMMPS (min_style cg, ftol 1e-10 eV/A) from the starting guesses
   S-atom at 0.49 S (initial); S-atom at O and T-atom at 0.49 T + 0.51 S (final); 17 significant digits.
2. LAMMPS NEB (fix neb 0.1 eV/A^2, 7 replicas via mpirun -partition 7x1, linear interpolation, min_style fire,
   climbing image in stage 2, ftol 1e-3 eV/A); the barrier is the EBF column of the last line.
The adc test (NebReferenceTest.swVacancyHop) runs its own CI-NEB on the stored end points and compares.
Needs lmp and mpirun on the PATH. Usage: /usr/bin/python3 sw_neb_regenerate.py
"""
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
A = 5.431
N = 3
IMAGES = 7
FMAX = 1e-3
MPI = ['mpirun', '--allow-run-as-root', '--oversubscribe']


def diamond():
    basis = [(0, 0, 0), (0, .5, .5), (.5, 0, .5), (.5, .5, 0), (.25, .25, .25), (.25, .75, .75), (.75, .25, .75), (.75, .75, .25)]
    pos = []
    for i in range(N):
        for j in range(N):
            for k in range(N):
                for b in basis:
                    pos.append([(i + b[0]) * A, (j + b[1]) * A, (k + b[2]) * A])
    return pos


def write_data(path, pos):
    L = N * A
    with open(path, 'w') as f:
        f.write('sw vacancy\n\n%d atoms\n1 atom types\n0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n\nMasses\n\n1 28.0855\n\n'
                'Atoms # atomic\n\n' % (len(pos), L, L, L))
        for k, p in enumerate(pos):
            f.write('%d 1 %.17g %.17g %.17g\n' % (k + 1, p[0], p[1], p[2]))


HEAD = ('units metal\natom_style atomic\natom_modify map array sort 0 0.0\nboundary p p p\nread_data %s\n'
        'pair_style sw\npair_coeff * * ' + os.path.join(HERE, '..', 'Si.sw') + ' Si\n')


def relax(d, name, pos):
    write_data(os.path.join(d, name + '.data'), pos)
    with open(os.path.join(d, 'in.' + name), 'w') as f:
        f.write(HEAD % (name + '.data'))
        f.write('min_style cg\nmin_modify dmax 0.05\nminimize 0 1e-10 100000 1000000\nprint "ENERGY $(pe:%.17g)"\n'
                'write_dump all custom ' + name + '.dump id x y z modify sort id format float %.17g\n')
    subprocess.run(['lmp', '-in', 'in.' + name, '-log', name + '.log', '-screen', 'none'], cwd=d, check=True)
    e = [float(l.split()[1]) for l in open(os.path.join(d, name + '.log')) if l.startswith('ENERGY')][0]
    lines = open(os.path.join(d, name + '.dump')).read().splitlines()
    k = [i for i, l in enumerate(lines) if l.startswith('ITEM: ATOMS')][0]
    return e, [[float(x) for x in l.split()[1:4]] for l in lines[k + 1:k + 1 + len(pos)]]


def main():
    pos = diamond()
    s = [A / 4] * 3
    hop = pos.index(s) - 1           # index after removing the origin atom
    pos = pos[1:]
    with tempfile.TemporaryDirectory() as d:
        t = [A / 2, A / 2, 0.0]
        second = pos.index(t)
        ini_guess = [p[:] for p in pos]
        ini_guess[hop] = [0.49 * x for x in s]
        fin_guess = [p[:] for p in pos]
        fin_guess[hop] = [0.0, 0.0, 0.0]
        fin_guess[second] = [0.49 * x + 0.51 * y for x, y in zip(t, s)]
        e0, ini = relax(d, 'initial', ini_guess)
        e1, fin = relax(d, 'final', fin_guess)
        print('end points', e0, e1, 'hop atom', hop, ini[hop], fin[hop], flush=True)
        write_data(os.path.join(d, 'neb.data'), ini)
        with open(os.path.join(d, 'final.coords'), 'w') as f:
            f.write('%d\n' % len(fin))
            for k, p in enumerate(fin):
                f.write('%d %.17g %.17g %.17g\n' % (k + 1, p[0], p[1], p[2]))
        with open(os.path.join(d, 'in.neb'), 'w') as f:
            f.write(HEAD % 'neb.data')
            f.write('neighbor 1.0 bin\nfix 1 all neb 0.1\ntimestep 0.01\nmin_style fire\nthermo 100\n'
                    'neb 0.0 %g 20000 20000 10 final final.coords\n' % FMAX)
        subprocess.run(MPI + ['-np', str(IMAGES), 'lmp', '-partition', '%dx1' % IMAGES, '-in', 'in.neb'], cwd=d, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = open(os.path.join(d, 'log.lammps')).read().splitlines()
        rows = [l.split() for l in log if re.match(r'^\s*\d+\s', l)]
        last = rows[-1]
        # Step MaxReplicaForce MaxAtomForce GradV0 GradV1 GradVc EBF EBR RDT RD1 PE1 ... RDN PEN (PE absolute, eV)
        steps, fmax_rep, ebf = int(last[0]), float(last[1]), float(last[6])
        rd = [float(last[9 + 2 * i]) for i in range(IMAGES)]
        pe = [float(last[10 + 2 * i]) for i in range(IMAGES)]
    converged = fmax_rep <= FMAX
    print('LAMMPS NEB: steps', steps, 'max replica force', fmax_rep, 'barrier', ebf, 'energies', pe, flush=True)
    with open(os.path.join(HERE, 'sw_vacancy.neb'), 'w') as f:
        f.write('# Stillinger-Weber Si vacancy hop, 215 atoms; end points relaxed by LAMMPS, barrier from LAMMPS NEB\n')
        f.write('# (29 Sep 2021 update 2; fix neb 0.1, 7 replicas, FIRE, climbing image); written by sw_neb_regenerate.py\n')
        L = N * A
        f.write('natoms %d\n' % len(ini))
        f.write('cell %.17g 0 0 0 %.17g 0 0 0 %.17g\npbc 1 1 1\n' % (L, L, L))
        f.write('fixed ' + ' '.join(['0'] * len(ini)) + '\n')
        f.write('images %d\nspring 0.1\nfmax %g\nconverged %d\nsteps %d\n' % (IMAGES, FMAX, 1 if converged else 0, steps))
        f.write('endpoint_energies %.17g %.17g\n' % (e0, e1))
        f.write('energies ' + ' '.join('%.10g' % p for p in pe) + '\n')
        f.write('reaction_coordinate ' + ' '.join('%.10g' % r for r in rd) + '\n')
        f.write('barrier_ci %.10g\nbarrier_spline %.10g\n' % (ebf, ebf))
        for tag, ps in (('initial', ini), ('final', fin)):
            f.write(tag + '\n')
            for p in ps:
                f.write('Si %.17g %.17g %.17g\n' % (p[0], p[1], p[2]))


if __name__ == '__main__':
    main()
