#!/usr/bin/python3
"""Regenerates the reference energies/forces/virials for the potential tests.

LAMMPS (lmp, Debian package) for LJ, Morse, SW, Tersoff and EAM; ASE 3.22 (python3-ase) for EMT.
Run from anywhere: /usr/bin/python3 regenerate.py
Each structure is built here with a fixed random seed, wrapped into a (triclinic, LAMMPS-style
lower-triangular) cell and written both to the LAMMPS run and to the .ref file, so Java reads the
exact same coordinates.
"""
import os
import subprocess
import tempfile

import numpy as np
from ase.build import bulk
from ase.calculators.emt import EMT

HERE = os.path.dirname(os.path.abspath(__file__))
POT = os.path.join(HERE, '..')
NKTV2P = 1.6021765e6  # LAMMPS metal units: pressure*volume (bar*A^3) -> eV


def make(symbol, crystal, a, rep, seed, rattle=0.08, shear=0.03, cubic=True, alloy=None):
    at = bulk(symbol, crystal, a=a, cubic=cubic).repeat(rep)
    rng = np.random.RandomState(seed)
    if alloy is not None:
        syms = at.get_chemical_symbols()
        for i in range(len(syms)):
            if rng.rand() < 0.5:
                syms[i] = alloy
        at.set_chemical_symbols(syms)
    cell = at.get_cell().array.copy()
    # LAMMPS triclinic: a along x, b in xy plane, c general; add small tilts
    cell[1, 0] += shear * cell[1, 1]
    cell[2, 0] += -shear * cell[2, 2]
    cell[2, 1] += 0.5 * shear * cell[2, 2]
    at.set_cell(cell, scale_atoms=True)
    at.positions += rng.normal(0, rattle, at.positions.shape)
    at.wrap()
    return at


def write_ref(name, at, energy, forces, virial):
    with open(os.path.join(HERE, name + '.ref'), 'w') as f:
        f.write('%d\n' % len(at))
        f.write('cell ' + ' '.join('%.17g' % v for v in at.get_cell().array.flat) + '\n')
        f.write('energy %.17g\n' % energy)
        f.write('virial ' + ' '.join('%.17g' % v for v in np.asarray(virial).flat) + '\n')
        for s, p, fo in zip(at.get_chemical_symbols(), at.positions, forces):
            f.write('%s %.17g %.17g %.17g %.17g %.17g %.17g\n' % (s, p[0], p[1], p[2], fo[0], fo[1], fo[2]))


def lammps(at, species, pair_lines, name):
    cell = at.get_cell().array
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'data'), 'w') as f:
            f.write('ref\n\n%d atoms\n%d atom types\n' % (len(at), len(species)))
            f.write('0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n' % (cell[0, 0], cell[1, 1], cell[2, 2]))
            f.write('%.17g %.17g %.17g xy xz yz\n\nMasses\n\n' % (cell[1, 0], cell[2, 0], cell[2, 1]))
            for k, s in enumerate(species):
                f.write('%d 1.0\n' % (k + 1))
            f.write('\nAtoms # atomic\n\n')
            for i, (s, p) in enumerate(zip(at.get_chemical_symbols(), at.positions)):
                f.write('%d %d %.17g %.17g %.17g\n' % (i + 1, species.index(s) + 1, p[0], p[1], p[2]))
        with open(os.path.join(d, 'in'), 'w') as f:
            f.write('units metal\natom_style atomic\nboundary p p p\nbox tilt large\nread_data data\n')
            f.write(pair_lines + '\n')
            f.write('neighbor 1.0 bin\ncompute p all pressure NULL virial\n')
            f.write('thermo_style custom pe c_p[1] c_p[2] c_p[3] c_p[4] c_p[5] c_p[6] vol\n')
            f.write('thermo_modify format float %.17g\n')
            f.write('dump d all custom 1 forces id x y z fx fy fz\ndump_modify d sort id format float %.17g\n')
            f.write('run 0\n')
        subprocess.run(['lmp', '-in', 'in', '-log', 'log', '-screen', 'none'], cwd=d, check=True)
        lines = open(os.path.join(d, 'log')).read().splitlines()
        k = [i for i, l in enumerate(lines) if l.split()[:2] == ['PotEng', 'c_p[1]']][0]
        v = [float(x) for x in lines[k + 1].split()]
        pe, pxx, pyy, pzz, pxy, pxz, pyz, vol = v
        virial = np.array([[pxx, pxy, pxz], [pxy, pyy, pyz], [pxz, pyz, pzz]]) * vol / NKTV2P
        dl = open(os.path.join(d, 'forces')).read().splitlines()
        k = [i for i, l in enumerate(dl) if l.startswith('ITEM: ATOMS')][0]
        forces = np.array([[float(x) for x in l.split()[4:7]] for l in dl[k + 1:k + 1 + len(at)]])
    write_ref(name, at, pe, forces, virial)
    print(name, pe)


def main():
    os.chdir(HERE)
    ar = make('Ar', 'fcc', 5.26, (3, 3, 3), 1, rattle=0.1)
    lammps(ar, ['Ar'], 'pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.4', 'lj_cut')
    lammps(ar, ['Ar'], 'pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.4\npair_modify shift yes', 'lj_shifted')
    lammps(ar, ['Ar'], 'pair_style lj/smooth/linear 8.5\npair_coeff * * 0.0104 3.4', 'lj_linear')
    cu = make('Cu', 'fcc', 3.615, (3, 3, 3), 2)
    lammps(cu, ['Cu'], 'pair_style morse 6.0\npair_coeff * * 0.3429 1.3588 2.866', 'morse')
    si = make('Si', 'diamond', 5.431, (2, 2, 2), 3, rattle=0.1)
    lammps(si, ['Si'], 'pair_style sw\npair_coeff * * %s/Si.sw Si' % POT, 'sw_si')
    lammps(si, ['Si'], 'pair_style tersoff\npair_coeff * * %s/Si.tersoff Si' % POT, 'tersoff_si')
    sic = make('SiC', 'zincblende', 4.36, (2, 2, 2), 4, rattle=0.08)
    lammps(sic, ['Si', 'C'], 'pair_style tersoff\npair_coeff * * %s/SiC.tersoff Si C' % POT, 'tersoff_sic')
    lammps(cu, ['Cu'], 'pair_style eam\npair_coeff 1 1 %s/Cu_u3.eam' % POT, 'eam_funcfl_cu')
    cuni = make('Cu', 'fcc', 3.58, (3, 3, 3), 5, alloy='Ni')
    lammps(cuni, ['Ni', 'Cu'], 'pair_style eam/alloy\npair_coeff * * %s/CuNi.eam.alloy Ni Cu' % POT, 'eam_setfl_cuni')
    # EMT (ASE): Cu and a Au/Al/Ni/Pt/Ag/Pd mixture
    for name, at in [('emt_cu', make('Cu', 'fcc', 3.6, (3, 3, 3), 6)),
                     ('emt_mix', mix(make('Al', 'fcc', 4.0, (3, 3, 3), 7)))]:
        at.calc = EMT()
        e = at.get_potential_energy()
        fo = at.get_forces()
        s = at.get_stress(voigt=False)
        virial = -s * at.get_volume()
        write_ref(name, at, e, fo, virial)
        print(name, e)


def mix(at):
    rng = np.random.RandomState(8)
    el = ['Al', 'Cu', 'Ag', 'Au', 'Ni', 'Pd', 'Pt']
    at.set_chemical_symbols([el[rng.randint(len(el))] for _ in range(len(at))])
    return at


if __name__ == '__main__':
    main()
