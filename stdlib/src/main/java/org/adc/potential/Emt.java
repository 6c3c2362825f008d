package org.adc.potential;

import org.adc.potential.neighbor.NeighborList;

/**
 * Effective medium theory (K. W. Jacobsen, J. K. Nørskov and M. J. Puska, Phys. Rev. B 35, 7423 (1987);
 * K. W. Jacobsen, P. Stoltze and J. K. Nørskov, Surf. Sci. 366, 394 (1996)) with the parameters and the
 * exact formulation of ASE's {@code ase.calculators.emt.EMT} (ASE 3.22, default {@code asap_cutoff=False}):
 *
 * <pre>
 * σ1_i = Σ_j χ_ij e^(−η2_j (r_ij − β s0_j)) θ(r_ij) / γ1_i,  χ_ij = n0_j / n0_i
 * s_i = −ln(σ1_i / 12) / (β η2_i)
 * E_i = E0_i [(1 + λ_i s_i) e^(−λ_i s_i) − 1] + 6 V0_i e^(−κ_i s_i)
 * E = Σ_i E_i − Σ_{i&lt;j} ½ [V0_i χ_ij e^(−κ_j (r_ij/β − s0_j)) / γ2_i + V0_j / χ_ij e^(−κ_i (r_ij/β − s0_i)) / γ2_j] θ(r_ij)
 * θ(r) = 1 / (1 + e^(a (r − r_c))),  β = 1.809,  r_c = β s0_max (√3 + 2)/2
 * </pre>
 *
 * with γ1, γ2 the fcc-neighbour-shell normalisations, a = ln(9999)/(r_r − r_c), r_r = 4 r_c/(√3 + 2), pairs
 * counted up to r_c + 0.5 Å. Parameters (E0 eV, s0 bohr, V0 eV, η2, κ, λ in 1/bohr, n0 in 1/bohr³) for Al, Cu,
 * Ag, Au, Ni, Pd, Pt; bohr = 0.5291772105638411 Å (ASE 3.22, CODATA 2014).
 */
public final class Emt implements Calculator {
    /** Bohr radius in Å as in ase.units (CODATA 2014). */
    public static final double BOHR = 0.5291772105638411;
    private static final double BETA = 1.809;
    /** Symbols of the supported elements. */
    public static final String[] ELEMENTS = {"Al", "Cu", "Ag", "Au", "Ni", "Pd", "Pt"};
    private static final double[][] PAR = {
        {-3.28, 3.00, 1.493, 1.240, 2.000, 1.169, 0.00700},
        {-3.51, 2.67, 2.476, 1.652, 2.740, 1.906, 0.00910},
        {-2.96, 3.01, 2.132, 1.652, 2.790, 1.892, 0.00547},
        {-3.80, 3.00, 2.321, 1.674, 2.873, 2.182, 0.00703},
        {-4.44, 2.60, 3.673, 1.669, 2.757, 1.948, 0.01030},
        {-3.90, 2.87, 2.773, 1.818, 3.107, 2.155, 0.00688},
        {-5.85, 2.90, 4.067, 1.812, 3.145, 2.192, 0.00802}};
    private static final double MAX_S0 = 3.01; // largest s0 in ASE's table (Ag), bohr

    private final double rc;
    private final double rcList;
    private final double acut;
    private final double[] e0 = new double[7], s0 = new double[7], v0 = new double[7], eta2 = new double[7], kappa = new double[7],
        lambda = new double[7], n0 = new double[7], gamma1 = new double[7], gamma2 = new double[7];
    private double skin = 0.5;

    /** EMT with ASE's default cutoff (from the whole parameter table). */
    public Emt() {
        double maxseq = MAX_S0 * BOHR;
        rc = BETA * maxseq * 0.5 * (Math.sqrt(3) + Math.sqrt(4));
        double rr = rc * 2 * Math.sqrt(4) / (Math.sqrt(3) + Math.sqrt(4));
        acut = Math.log(9999.0) / (rr - rc);
        rcList = rc + 0.5;
        for (int t = 0; t < 7; t++) {
            double[] p = PAR[t];
            e0[t] = p[0];
            s0[t] = p[1] * BOHR;
            v0[t] = p[2];
            eta2[t] = p[3] / BOHR;
            kappa[t] = p[4] / BOHR;
            lambda[t] = p[5] / BOHR;
            n0[t] = p[6] / (BOHR * BOHR * BOHR);
            double g1 = 0, g2 = 0;
            int[] shell = {12, 6, 24};
            for (int i = 0; i < 3; i++) {
                double r = s0[t] * BETA * Math.sqrt(i + 1);
                double x = shell[i] / (12 * (1.0 + Math.exp(acut * (r - rc))));
                g1 += x * Math.exp(-eta2[t] * (r - BETA * s0[t]));
                g2 += x * Math.exp(-kappa[t] / BETA * (r - BETA * s0[t]));
            }
            gamma1[t] = g1;
            gamma2[t] = g2;
        }
    }

    /** Verlet skin in Å (default 0.5). */
    public Emt skin(double s) {
        this.skin = s;
        return this;
    }

    @Override
    public double cutoff() {
        return rcList;
    }

    /** 0.5 β s0 of the smaller atom (half the nearest-neighbour distance of its fcc metal). */
    @Override
    public double minDistance(String a, String b) {
        int i = ElementTable.index(ELEMENTS, a), j = ElementTable.index(ELEMENTS, b);
        return i < 0 || j < 0 ? 0 : 0.5 * BETA * Math.min(s0[i], s0[j]);
    }

    @Override
    public String describe() {
        return "EMT (ASE parameters: Al Cu Ag Au Ni Pd Pt)";
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int[] type = atoms.typesFor(ELEMENTS, describe());
        int na = atoms.size();
        NeighborList nl = atoms.neighbors(rcList, skin, true);
        double[] x = atoms.positions();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double[] sigma1 = new double[na];
        double e = 0;
        double[] f = new double[3 * na];
        double[] w = new double[9];
        double rl2 = rcList * rcList;
        for (int pass = 0; pass < 2; pass++) {
            double[] deds = null;
            if (pass == 1) {
                deds = new double[na];
                for (int a = 0; a < na; a++) {
                    int t = type[a];
                    if (!(sigma1[a] > 0)) {
                        e -= e0[t];
                        continue;
                    }
                    double ds = -Math.log(sigma1[a] / 12) / (BETA * eta2[t]);
                    double xx = lambda[t] * ds;
                    double y = Math.exp(-xx);
                    double z = 6 * v0[t] * Math.exp(-kappa[t] * ds);
                    deds[a] = (xx * y * e0[t] * lambda[t] + kappa[t] * z) / (sigma1[a] * BETA * eta2[t]);
                    e += e0[t] * ((1 + xx) * y - 1) + z;
                }
            }
            for (int i = 0; i < na; i++) {
                int ti = type[i];
                for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                    int j = nb[p];
                    double dx = x[3 * j] + off[3 * p] - x[3 * i];
                    double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                    double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                    double rsq = dx * dx + dy * dy + dz * dz;
                    if (rsq >= rl2) {
                        continue;
                    }
                    int tj = type[j];
                    double r = Math.sqrt(rsq);
                    double ksi = n0[tj] / n0[ti];
                    double xe = Math.exp(acut * (r - rc));
                    double theta = 1.0 / (1.0 + xe);
                    double dlt = acut * theta * xe; // −d ln θ / dr
                    double s1 = Math.exp(-eta2[tj] * (r - BETA * s0[tj])) * ksi * theta / gamma1[ti];
                    double s2 = Math.exp(-eta2[ti] * (r - BETA * s0[ti])) / ksi * theta / gamma1[tj];
                    double dEdr;
                    if (pass == 0) {
                        sigma1[i] += s1;
                        sigma1[j] += s2;
                        double y1 = 0.5 * v0[ti] * Math.exp(-kappa[tj] * (r / BETA - s0[tj])) * ksi / gamma2[ti] * theta;
                        double y2 = 0.5 * v0[tj] * Math.exp(-kappa[ti] * (r / BETA - s0[ti])) / ksi / gamma2[tj] * theta;
                        e -= y1 + y2;
                        dEdr = (y1 * kappa[tj] + y2 * kappa[ti]) / BETA + (y1 + y2) * dlt;
                    } else {
                        dEdr = -(deds[i] * s1 * (eta2[tj] + dlt) + deds[j] * s2 * (eta2[ti] + dlt));
                    }
                    double g = dEdr / r;
                    double gx = g * dx, gy = g * dy, gz = g * dz;
                    f[3 * i] += gx;
                    f[3 * i + 1] += gy;
                    f[3 * i + 2] += gz;
                    f[3 * j] -= gx;
                    f[3 * j + 1] -= gy;
                    f[3 * j + 2] -= gz;
                    w[0] -= dx * gx;
                    w[1] -= dx * gy;
                    w[2] -= dx * gz;
                    w[4] -= dy * gy;
                    w[5] -= dy * gz;
                    w[8] -= dz * gz;
                }
            }
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }
}
