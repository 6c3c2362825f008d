#!/usr/bin/env python3
"""Fits the Na-Sb model of examples/nasb (a classical stand-in for the DFT of seed 004).

Model (adc's potential.morse_embedding):
  E = sum_{i<j} phi_ab(r_ij) - sum_{i in Na} A sqrt(rho_i),  rho_i = sum_{j in Sb} g(r_ij)
  phi(r) = D0 [exp(-2 alpha (r - r0)) - 2 exp(-alpha (r - r0))],  g(r) = exp(-beta (r - r1)),
  both shifted-force at rc = 7 A. The square-root embedding on Na (Finnis-Sinclair / second-moment form) makes the Na-Sb
  bonding saturate with the number of Sb neighbours; a pure pair model over-binds the 1:1 composition (with Na-Sb
  Morse pairs fitted to Na3Sb, CsCl-type NaSb comes out at -1.09 eV/atom and Na3Sb lies above the hull).
Targets:
  bcc Na:  a = 4.225 A, E_coh = 1.113 eV/atom, B = 6.8 GPa   (Kittel, Introduction to Solid State Physics, 8th ed.)
  Sb:      V = 30.18 A^3/atom (rho = 6.70 g/cm^3), E_coh = 2.75 eV/atom, B = 38.3 GPa (Kittel); modelled as fcc
           (a pair-type model cannot stabilise the A7 structure); Na-Na and Sb-Sb Morse (3 parameters each) fit these.
  Na3Sb:   hexagonal P6_3/mmc (Na3As type), a = 5.32 A, c = 9.47 A (V = 116.1 A^3 per Na3Sb), E_f = -0.45 eV/atom
           (internal coordinates fixed, volume scaled)
  NaSb:    E_f = -0.40 eV/atom for the lower of CsCl- and NaCl-type NaSb (volume relaxed): a proxy, the real NaSb is
           monoclinic (LiAs type) and its coordinates are not used here.
  Na-Sb:   D0, r0 and A fitted to these three numbers; alpha = 0.6 /A, beta = 1.5 /A, r1 = 3.2 A fixed.
The formation energies are round numbers chosen so that the average voltages (seed 003 eq. 2) are 0.80 V
(Sb -> NaSb) and 0.50 V (NaSb -> Na3Sb; 0.60 V for Sb -> Na3Sb), inside the 0.05-1.5 V window where the CV of
seed 004 shows the sodiation peaks; they are approximate targets, not measured enthalpies.
alpha (the stiffness of the Na-Sb pair) is not fitted: it sets how costly a Na atom in crystalline Sb is. With
alpha = 1.2 /A and targets -0.35/-0.42 eV/atom (the first version) the lowest Na1Sb8 the relaxed GCMC found was
+0.80 eV above Sb + bulk Na, so no Na ever entered the Sb start (the paper's sodiation starts at 0.5-0.8 V, i.e. at
mu_Na well below 0). Scanned with adc (lowest Na1Sb8 of a 20-trial relaxed GCMC from Sb, eV vs bulk Na): alpha 1.2 ->
+0.80; 0.8 -> +0.32 (old targets), +0.11 (these targets); 0.6 -> -0.31 (old targets), -0.52 (these targets).
alpha = 0.6 /A with these targets lets Na enter Sb from mu ~ -0.6 eV (0.6 V). No migration barrier entered the fit.
In this model cubic (BiF3-type) Na3Sb is lower than the hexagonal one (-0.579 eV/atom); fitting min(hexagonal, cubic)
to -0.45 eV/atom was tried and dropped NaSb off the sampled hull (README).
Run: /usr/bin/python3 fit_model.py  (numpy, scipy; ~1 min). Writes nasb.morse next to this script.
"""
import itertools, os
import numpy as np
from scipy.optimize import least_squares, minimize_scalar

RC = 7.0
ALPHA_NASB = 0.6  # Na-Sb Morse stiffness, fixed (1.2 /A in the first version: dilute Na in Sb cost +0.8 eV, see below)
BETA, R1 = 1.5, 3.2  # Na-Sb embedding decay (1/A) and reference distance (A), fixed
EV_A3_GPA = 160.21766


def morse_sf(r, d0, a, r0, rc=RC):
    def phi(x):
        e = np.exp(-a * (x - r0))
        return d0 * (e * e - 2 * e)
    def dphi(x):
        e = np.exp(-a * (x - r0))
        return -2 * a * d0 * (e * e - e)
    return np.where(r < rc, phi(r) - phi(rc) - (r - rc) * dphi(rc), 0.0)


def gsf(r, beta, r1, rc=RC):
    g = lambda x: np.exp(-beta * (x - r1))
    return np.where(r < rc, g(r) - g(rc) + (r - rc) * beta * g(rc), 0.0)


EMBED = None  # (A, beta, r1): E_i = -A sqrt(sum_{j in Sb} g(r_ij)) for every Na atom i


def energy(cell, frac, sym, params, embed=None):
    """Total energy of a periodic cell (rows of cell = lattice vectors), frac coordinates."""
    cart = frac @ cell
    n = len(sym)
    # images needed
    inv = np.linalg.inv(cell)
    heights = 1.0 / np.linalg.norm(inv, axis=0)
    reps = [int(np.ceil(RC / h)) for h in heights]
    shifts = np.array(list(itertools.product(*[range(-k, k + 1) for k in reps]))) @ cell
    e = 0.0
    for i in range(n):
        for j in range(n):
            d = cart[j] + shifts - cart[i]
            r = np.linalg.norm(d, axis=1)
            if i == j:
                r = r[r > 1e-9]
            p = params[tuple(sorted((sym[i], sym[j])))]
            e += 0.5 * morse_sf(r, *p).sum()
        if embed is not None and sym[i] == "Na":
            rho = 0.0
            for j in range(n):
                if sym[j] == "Sb":
                    r = np.linalg.norm(cart[j] + shifts - cart[i], axis=1)
                    rho += gsf(r, embed[1], embed[2]).sum()
            e -= embed[0] * np.sqrt(rho)
    return e


def bcc(a):
    return a * np.eye(3), np.array([[0, 0, 0], [.5, .5, .5]])


def fcc(a):
    return a * np.eye(3), np.array([[0, 0, 0], [0, .5, .5], [.5, 0, .5], [.5, .5, 0]])


def na3sb(scale=1.0):
    a, c = 5.32 * scale, 9.47 * scale
    cell = np.array([[a, 0, 0], [-a / 2, a * np.sqrt(3) / 2, 0], [0, 0, c]])
    z = 0.583
    frac = np.array([[1/3, 2/3, 1/4], [2/3, 1/3, 3/4],      # Sb 2c
                     [0, 0, 1/4], [0, 0, 3/4],                # Na 2b
                     [1/3, 2/3, z], [2/3, 1/3, z + .5], [2/3, 1/3, 1 - z], [1/3, 2/3, .5 - z]])  # Na 4f
    sym = ["Sb", "Sb"] + ["Na"] * 6
    return cell, frac, sym


def cscl(a):
    return a * np.eye(3), np.array([[0, 0, 0], [.5, .5, .5]]), ["Na", "Sb"]


def elem_props(p, lattice, el, v0):
    params = {(el, el): p}
    def e_of_v(v):
        if lattice == "bcc":
            cell, fr = bcc((2 * v) ** (1 / 3))
        else:
            cell, fr = fcc((4 * v) ** (1 / 3))
        return energy(cell, fr, [el] * len(fr), params) / len(fr)
    res = minimize_scalar(e_of_v, bounds=(0.6 * v0, 1.5 * v0), method="bounded", options={"xatol": 1e-6})
    v = res.x
    h = 0.01 * v
    b = v * (e_of_v(v + h) - 2 * e_of_v(v) + e_of_v(v - h)) / h ** 2 * EV_A3_GPA
    return v, res.fun, b


def nacl(a):
    return a * np.eye(3), np.array([[0, 0, 0], [0, .5, .5], [.5, 0, .5], [.5, .5, 0], [.5, .5, .5], [.5, 0, 0], [0, .5, 0], [0, 0, .5]]), ["Na"] * 4 + ["Sb"] * 4


def compound(params, which, embed=None):
    if which == "Na3Sb":
        def e(s):
            c, f, sy = na3sb(s)
            return energy(c, f, sy, params, embed)
        res = minimize_scalar(e, bounds=(0.8, 1.25), method="bounded", options={"xatol": 1e-7})
        c, f, sy = na3sb(res.x)
        return res.fun, abs(np.linalg.det(c)) / 2, 8
    if which == "NaCl":
        res = minimize_scalar(lambda a: energy(*nacl(a), params, embed), bounds=(5.0, 9.0), method="bounded", options={"xatol": 1e-7})
        return res.fun / 4, res.x ** 3 / 4, 2
    def e(a):
        c, f, sy = cscl(a)
        return energy(c, f, sy, params, embed)
    res = minimize_scalar(e, bounds=(3.0, 5.5), method="bounded", options={"xatol": 1e-7})
    return res.fun, res.x ** 3, 2


def fit_element(el, lattice, v0, ecoh, b0, guess):
    def resid(p):
        v, e, b = elem_props(p, lattice, el, v0)
        return [(v - v0) / v0 * 10, (e + ecoh) / ecoh * 10, (b - b0) / b0]
    r = least_squares(resid, guess, bounds=([0.01, 0.3, 2.0], [3.0, 3.0, 7.0]))
    return r.x


def main():
    pna = fit_element("Na", "bcc", 4.225 ** 3 / 2, 1.113, 6.8, [0.06, 0.6, 4.5])
    psb = fit_element("Sb", "fcc", 30.18, 2.75, 38.3, [0.4, 1.0, 3.6])
    ena = elem_props(pna, "bcc", "Na", 4.225 ** 3 / 2)
    esb = elem_props(psb, "fcc", "Sb", 30.18)
    print("Na bcc: V %.3f A^3 (a %.4f A), E %.4f eV, B %.2f GPa" % (ena[0], (2 * ena[0]) ** (1 / 3), ena[1], ena[2]))
    print("Sb fcc: V %.3f A^3, E %.4f eV, B %.2f GPa" % esb)

    def props(p):
        params = {("Na", "Na"): pna, ("Sb", "Sb"): psb, ("Na", "Sb"): [p[0], ALPHA_NASB, p[1]]}
        embed = (p[2], BETA, R1)
        e3, v3, n3 = compound(params, "Na3Sb", embed)
        e1, v1, n1 = compound(params, "NaSb", embed)
        e2, v2, n2 = compound(params, "NaCl", embed)
        f3 = (e3 - 6 * ena[1] - 2 * esb[1]) / 8
        f1 = (e1 - ena[1] - esb[1]) / 2
        f2 = (e2 - ena[1] - esb[1]) / 2
        return f3, v3, f1, f2

    def resid(p):
        f3, v3, f1, f2 = props(p)
        return [(f3 + 0.45) * 10, (v3 - 116.1) / 116.1 * 10, (min(f1, f2) + 0.40) * 10]
    r = least_squares(resid, [0.1, 3.5, 1.0], bounds=([0.001, 2.5, 0.0], [2.0, 5.0, 5.0]))
    f3, v3, f1, f2 = props(r.x)
    print("Na-Sb:", r.x, "-> Na3Sb E_f %.4f eV/atom V %.2f A^3/fu; NaSb CsCl E_f %.4f, NaCl %.4f eV/atom" % (f3, v3, f1, f2))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nasb.morse")
    with open(out, "w") as fh:
        fh.write("# Na-Sb Morse pair model for examples/nasb (stand-in for the DFT of seed 004), written by fit_model.py\n")
        fh.write("# phi(r) = D0 [exp(-2 alpha (r - r0)) - 2 exp(-alpha (r - r0))], shifted-force at rc\n")
        fh.write("# pair element element D0/eV alpha/(1/A) r0/A rc/A\n")
        for (a, b), p in (("Na", "Na"), pna), (("Sb", "Sb"), psb), (("Na", "Sb"), [r.x[0], ALPHA_NASB, r.x[1]]):
            fh.write("pair %s %s %.6f %.6f %.6f %.1f\n" % (a, b, p[0], p[1], p[2], RC))
        fh.write("# embed host neighbour A/eV beta/(1/A) r1/A rc/A: E_host = -A sqrt(sum g(r)), g = exp(-beta (r - r1)) shifted-force at rc\n")
        fh.write("embed Na Sb %.6f %.6f %.6f %.1f\n" % (r.x[2], BETA, R1, RC))
    print("wrote", out)


if __name__ == "__main__":
    main()
