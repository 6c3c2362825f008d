#!/usr/bin/env python3
"""Regenerates the trajectory reference files for org.adc.analysis.AseTrajectoryTest (run with /usr/bin/python3).

A cubic 8 Å cell with 6 Na atoms on a seeded random walk (1 Å hops plus 0.05 Å noise per frame) and one BH4 group whose
four H atoms rotate about z at 0.1 rad per frame around a B atom that sits next to the cell boundary. Positions are
wrapped into the cell by ASE when written, as MD codes write them. Written with ASE in two formats (VASP XDATCAR and
extended XYZ); the reference MSD of Na and C(t) of the B-H vectors are computed here with numpy from the unwrapped
positions, independently of adc's reader and unwrapping.
"""
import numpy as np
from ase import Atoms
from ase.io import write

rng = np.random.default_rng(20261125)
L = 8.0
nf = 120
na = 6
w = 0.1
theta = np.arccos(-1.0 / 3.0)  # tetrahedral angle to the z axis for three H, one H on the axis
phis = [0.0, 2 * np.pi / 3, 4 * np.pi / 3]
b0 = np.array([7.6, 4.0, 4.0])
d_bh = 1.21

na_pos = rng.uniform(0, L, size=(na, 3))
frames, unwrapped = [], []
for k in range(nf):
    h = [b0 + d_bh * np.array([np.sin(theta) * np.cos(p + w * k), np.sin(theta) * np.sin(p + w * k), np.cos(theta)]) for p in phis]
    h.append(b0 + d_bh * np.array([0.0, 0.0, -1.0]))
    pos = np.vstack([na_pos, b0[None, :], np.array(h)])
    unwrapped.append(pos.copy())
    at = Atoms("Na6BH4", positions=pos, cell=[L, L, L], pbc=True)
    at.wrap()
    frames.append(at)
    step = np.zeros((na, 3))
    axis = rng.integers(0, 3, size=na)
    step[np.arange(na), axis] = rng.choice([-1.0, 1.0], size=na)
    na_pos = na_pos + step + rng.normal(0, 0.05, size=(na, 3))

write("XDATCAR_walk", frames, format="vasp-xdatcar")
write("walk.extxyz", frames, format="extxyz")

U = np.array(unwrapped)
max_lag = 60
msd = [0.0]
for lag in range(1, max_lag + 1):
    d = U[lag:, :na, :] - U[:-lag, :na, :]
    msd.append(float(np.mean(np.sum(d * d, axis=2))))
vec = U[:, 7:11, :] - U[:, 6:7, :]
vec /= np.linalg.norm(vec, axis=2, keepdims=True)
acf = []
for lag in range(0, max_lag + 1):
    acf.append(float(np.mean(np.sum(vec[lag:] * vec[: nf - lag], axis=2))))
with open("walk_reference.csv", "w") as f:
    f.write("lag,msd_na_A2,c_bh\n")
    for lag in range(max_lag + 1):
        f.write(f"{lag},{msd[lag]:.12f},{acf[lag]:.12f}\n")
