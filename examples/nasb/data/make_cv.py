#!/usr/bin/env python3
"""Synthetic CV data for examples/nasb, generated with the numbers of seed 004 (Li et al., J. Mater. Chem. A):

cv_peaks.csv      peak currents |i_peak| = a nu^b at nu = 0.1, 0.2, 0.5, 1, 2, 5 mV/s with b = 0.55 (anodic peak A and
                  cathodic peak C1) and b = 0.65 (cathodic peak C2), multiplied by seeded 2 % log-normal noise.
cv_sodiation.csv  cathodic currents on a 0.10-1.00 V grid (91 points) at the same scan rates, built as
                  i(V, nu) = k1(V) nu + k2(V) nu^1/2 + c_nu g(V):
                  k2: three diffusion-limited reduction peaks (0.62, 0.42, 0.22 V, the C1, C2, C3 of the paper);
                  k1: a capacitive background plus a bump under C2 (the paper's Fig. 10a: capacitive mostly at C2);
                  c_nu g(V): a term that eq. 3 does not describe, orthogonal (at every V) to the fit of
                  i/nu^1/2 = k1 nu^1/2 + k2 over the six scan rates, so Dunn's fit returns k1 and k2 unchanged.
                  The integral ratio K1/K2 and c_nu are solved so that the capacitive share
                  int |k1 nu| dV / int |i| dV (trapezoid rule, as electrochem.capacitive_share) equals the paper's
                  39.2, 48.5, 56.1, 67.8, 74, 81.8 % at 0.1 ... 5 mV/s. (The six published shares are consistent with
                  eq. 3 plus such a term: the two orthogonality conditions give K1/K2 = 2.0076 and 2.0080.)
Currents are "per electrode" in mA (cathodic currents stored as positive magnitudes). Run: python3 make_cv.py (numpy).
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NU = np.array([0.1, 0.2, 0.5, 1.0, 2.0, 5.0])
SHARE = np.array([0.392, 0.485, 0.561, 0.678, 0.74, 0.818])
V = np.round(np.linspace(0.10, 1.00, 91), 4)


def trap(y):
    return float(np.sum(0.5 * (y[1:] + y[:-1]) * np.diff(V)))


def gauss(v0, w):
    return np.exp(-0.5 * ((V - v0) / w) ** 2)


k2_shape = 1.0 * gauss(0.62, 0.05) + 0.55 * gauss(0.42, 0.04) + 0.9 * gauss(0.22, 0.05)
k1_shape = 0.25 + 1.0 * gauss(0.42, 0.05)
g = 0.3 + gauss(0.62, 0.06) + gauss(0.22, 0.06)      # where the non-eq.-3 current sits (around C1 and C3)

sq = np.sqrt(NU)
# ratio r = K1/K2 from the two orthogonality conditions (least squares of the two estimates)
r1 = sq.sum() / np.sum(NU * (1 / SHARE - 1))
r2 = len(NU) / np.sum(sq * (1 / SHARE - 1))
r = 0.5 * (r1 + r2)
K2 = 0.12                     # mA at nu = 1 mV/s (integral over V of k2, in mA V / V)
K1 = r * K2
k1 = k1_shape * K1 / trap(k1_shape)
k2 = k2_shape * K2 / trap(k2_shape)
D = K1 * NU / SHARE - K1 * NU - K2 * sq         # required extra integral per scan rate
# make D exactly orthogonal: remove its components along (1) and (1/sqrt(nu)) (weights of the i/nu^1/2 fit)
A = np.vstack([np.ones_like(NU), 1 / sq]).T
D_perp = D - A @ np.linalg.lstsq(A, D, rcond=None)[0]
c = D_perp / trap(g)
curves = [k1 * nu + k2 * np.sqrt(nu) + c[s] * g for s, nu in enumerate(NU)]
assert min(cu.min() for cu in curves) > 0, "negative current"

# check: Dunn fit + trapezoid share
k1f = np.zeros_like(V)
for j in range(len(V)):
    y = np.array([cu[j] for cu in curves]) / sq
    k1f[j] = np.polyfit(sq, y, 1)[0]
shares = [trap(np.abs(k1f * nu)) / trap(np.abs(cu)) for nu, cu in zip(NU, curves)]
print("K1/K2 estimates %.4f %.4f; recovered shares %s" % (r1, r2, np.round(np.array(shares) * 100, 3)))

with open(os.path.join(HERE, "cv_sodiation.csv"), "w") as f:
    f.write("# Synthetic cathodic CV currents generated with seed 004's capacitive shares (make_cv.py)\n")
    f.write("scan_rate [mV/s],potential [V],current [mA]\n")
    for nu, cu in zip(NU, curves):
        for v, i in zip(V, cu):
            f.write("%g,%.4f,%.9f\n" % (nu, v, i))

rng = np.random.default_rng(4)
with open(os.path.join(HERE, "cv_peaks.csv"), "w") as f:
    f.write("# Synthetic CV peak currents |i_peak| = a nu^b, b from seed 004 (A, C1: 0.55; C2: 0.65), 2 % noise (make_cv.py)\n")
    f.write("peak,scan_rate [mV/s],current [mA]\n")
    for name, a, b in [("A", 0.60, 0.55), ("C1", 0.45, 0.55), ("C2", 0.35, 0.65)]:
        for nu in NU:
            f.write("%s,%g,%.6f\n" % (name, nu, a * nu ** b * np.exp(0.02 * rng.standard_normal())))
print("wrote cv_sodiation.csv, cv_peaks.csv")
