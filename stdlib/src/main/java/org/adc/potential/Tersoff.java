package org.adc.potential;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.adc.potential.neighbor.NeighborList;

/**
 * Tersoff potential (J. Tersoff, Phys. Rev. B 37, 6991 (1988); Phys. Rev. B 39, 5566 (1989)) in the form
 * and file format of LAMMPS {@code pair_style tersoff}:
 *
 * <pre>
 * E = ½ Σ_i Σ_{j≠i} fc(r_ij) [A e^(−λ1 r_ij) − b_ij B e^(−λ2 r_ij)]
 * b_ij = (1 + (β ζ_ij)^n)^(−1/(2n)),  ζ_ij = Σ_{k≠i,j} fc(r_ik) g(θ_ijk) exp[(λ3 (r_ij − r_ik))^m]
 * g(θ) = γ (1 + c²/d² − c²/(d² + (h − cos θ)²))
 * fc(r) = 1 (r &lt; R−D), ½ − ½ sin(π/2 (r−R)/D) (|r−R| ≤ D), 0 (r &gt; R+D)
 * </pre>
 *
 * A, λ1, B, λ2, β, n, R, D of the pair come from entry (i, j, j); γ, λ3, m, c, d, h and the cutoff of
 * fc(r_ik) from (i, j, k). As in LAMMPS, b_ij uses its asymptotic expansions when (βζ)^n is below
 * 2n·10⁻⁸ (or its inverse above) and exp[...] is clamped beyond |argument| &gt; 69.0776.
 * File entries: element1 element2 element3 m γ λ3 c d cosθ0(h) n β λ2 B R D λ1 A. Units: eV, Å.
 */
public final class Tersoff implements Calculator {
    static final String[] COLUMNS = {"m", "gamma", "lambda3", "c", "d", "costheta0", "n", "beta", "lambda2", "B", "R", "D", "lambda1", "A"};
    private final String file;
    private final String[] elements;
    private final int n;
    private final double[][] par; // [ijk] -> columns
    private final double[] cut; // [ijk] R + D
    private final double[] c1, c2, c3, c4; // [ijk] asymptotic thresholds of b
    private final double cutmax;
    private double skin = 1.0;

    /**
     * Reads a LAMMPS .tersoff file.
     *
     * @param file     name for messages
     * @param text     contents
     * @param elements elements in calculator order (null or empty = all in file order)
     * @throws PotentialFileException for malformed entries (file and line) or a missing element triplet
     */
    public Tersoff(String file, Reader text, String... elements) {
        this.file = file;
        PotentialFileReader r = new PotentialFileReader(file, text);
        List<String> el = new ArrayList<>();
        par = ElementTable.read(r, elements == null || elements.length == 0 ? null : elements, COLUMNS, el);
        this.elements = el.toArray(new String[0]);
        n = this.elements.length;
        int nt = n * n * n;
        cut = new double[nt];
        c1 = new double[nt];
        c2 = new double[nt];
        c3 = new double[nt];
        c4 = new double[nt];
        double cm = 0;
        for (int t = 0; t < nt; t++) {
            double[] p = par[t];
            double m = p[0];
            if (m != 3 && m != 1) {
                throw r.error(0, "m must be 1 or 3 in entry " + name(t) + ", got " + m);
            }
            boolean pairEntry = (t / n) % n == t % n;
            if ((pairEntry && (!(p[6] > 0) || !(p[7] >= 0))) || !(p[10] > 0) || !(p[11] > 0) || p[11] > p[10] || !(p[4] != 0)) {
                throw r.error(0, "entry " + name(t) + ": need n > 0 and beta >= 0 (i j j entries), d != 0, 0 < D <= R");
            }
            cut[t] = p[10] + p[11];
            cm = Math.max(cm, cut[t]);
            double pn = pairEntry ? p[6] : 1.0;
            c1[t] = Math.pow(2.0 * pn * 1.0e-16, -1.0 / pn);
            c2[t] = Math.pow(2.0 * pn * 1.0e-8, -1.0 / pn);
            c3[t] = 1.0 / c2[t];
            c4[t] = 1.0 / c1[t];
        }
        cutmax = cm;
    }

    private String name(int t) {
        return elements[t / (n * n)] + " " + elements[(t / n) % n] + " " + elements[t % n];
    }

    /** Verlet skin in Å (default 1.0). */
    public Tersoff skin(double s) {
        this.skin = s;
        return this;
    }

    @Override
    public double cutoff() {
        return cutmax;
    }

    /** 0.4 × R of the pair: the repulsion there is tens of eV or more for the published parameter sets. */
    @Override
    public double minDistance(String a, String b) {
        int i = ElementTable.index(elements, a), j = ElementTable.index(elements, b);
        return i < 0 || j < 0 ? 0 : 0.4 * par[(i * n + j) * n + j][10];
    }

    @Override
    public String describe() {
        return "Tersoff (" + file + ", " + String.join(" ", elements) + ")";
    }

    private static double fc(double r, double bigR, double bigD) {
        if (r < bigR - bigD) {
            return 1.0;
        }
        if (r > bigR + bigD) {
            return 0.0;
        }
        return 0.5 * (1.0 - Math.sin(0.5 * Math.PI * (r - bigR) / bigD));
    }

    private static double dfc(double r, double bigR, double bigD) {
        if (r < bigR - bigD || r > bigR + bigD) {
            return 0.0;
        }
        return -0.25 * Math.PI / bigD * Math.cos(0.5 * Math.PI * (r - bigR) / bigD);
    }

    private double bij(int t, double zeta) {
        double[] p = par[t];
        double beta = p[7], pn = p[6];
        double tmp = beta * zeta;
        if (tmp > c1[t]) {
            return 1.0 / Math.sqrt(tmp);
        }
        if (tmp > c2[t]) {
            return (1.0 - Math.pow(tmp, -pn) / (2.0 * pn)) / Math.sqrt(tmp);
        }
        if (tmp < c4[t]) {
            return 1.0;
        }
        if (tmp < c3[t]) {
            return 1.0 - Math.pow(tmp, pn) / (2.0 * pn);
        }
        return Math.pow(1.0 + Math.pow(tmp, pn), -1.0 / (2.0 * pn));
    }

    /** d b / d ζ of the same piecewise form as {@link #bij}. */
    private double dbij(int t, double zeta) {
        double[] p = par[t];
        double beta = p[7], pn = p[6];
        double tmp = beta * zeta;
        if (tmp > c1[t]) {
            return beta * -0.5 * Math.pow(tmp, -1.5);
        }
        if (tmp > c2[t]) {
            return beta * (-0.5 * Math.pow(tmp, -1.5) * (1.0 - (1.0 + 1.0 / (2.0 * pn)) * Math.pow(tmp, -pn)));
        }
        if (tmp < c4[t]) {
            return 0.0;
        }
        if (tmp < c3[t]) {
            return -0.5 * beta * Math.pow(tmp, pn - 1.0);
        }
        double tn = Math.pow(tmp, pn);
        return -0.5 * Math.pow(1.0 + tn, -1.0 - 1.0 / (2.0 * pn)) * tn / zeta;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int[] type = atoms.typesFor(elements, describe());
        int na = atoms.size();
        NeighborList nl = atoms.neighbors(cutmax, skin, false);
        double[] x = atoms.positions();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double[] f = new double[3 * na];
        double[] w = new double[9];
        double e = 0;
        int maxn = 0;
        for (int i = 0; i < na; i++) {
            maxn = Math.max(maxn, nl.first(i + 1) - nl.first(i));
        }
        double[] sd = new double[3 * maxn];
        double[] sr = new double[maxn];
        int[] sj = new int[maxn];
        double[] g = new double[3 * maxn]; // accumulated ∂E/∂d for each neighbour of i
        for (int i = 0; i < na; i++) {
            int ti = type[i];
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int ns = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - xi;
                double dy = x[3 * j + 1] + off[3 * p + 1] - yi;
                double dz = x[3 * j + 2] + off[3 * p + 2] - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutmax * cutmax) {
                    continue;
                }
                sd[3 * ns] = dx;
                sd[3 * ns + 1] = dy;
                sd[3 * ns + 2] = dz;
                sr[ns] = Math.sqrt(rsq);
                sj[ns] = nb[p];
                g[3 * ns] = 0;
                g[3 * ns + 1] = 0;
                g[3 * ns + 2] = 0;
                ns++;
            }
            for (int a = 0; a < ns; a++) {
                int tj = type[sj[a]];
                int ijj = (ti * n + tj) * n + tj;
                double r1 = sr[a];
                if (r1 >= cut[ijj]) {
                    continue;
                }
                double[] pj = par[ijj];
                double bigR = pj[10], bigD = pj[11];
                double fcv = fc(r1, bigR, bigD), dfcv = dfc(r1, bigR, bigD);
                // repulsion, ½ per ordered pair: V_R = fc A e^(−λ1 r)
                double er = pj[13] * Math.exp(-pj[12] * r1);
                e += 0.5 * fcv * er;
                double dR = 0.5 * (dfcv * er - fcv * pj[12] * er);
                // attraction fa = −B e^(−λ2 r) fc
                double ea = pj[9] * Math.exp(-pj[8] * r1);
                double fa = -ea * fcv;
                double dfa = ea * pj[8] * fcv - ea * dfcv;
                double d1x = sd[3 * a], d1y = sd[3 * a + 1], d1z = sd[3 * a + 2];
                // ζ
                double zeta = 0;
                for (int b = 0; b < ns; b++) {
                    if (b == a) {
                        continue;
                    }
                    int ijk = (ti * n + tj) * n + type[sj[b]];
                    double r2 = sr[b];
                    if (r2 >= cut[ijk]) {
                        continue;
                    }
                    double[] pk = par[ijk];
                    double cs = (d1x * sd[3 * b] + d1y * sd[3 * b + 1] + d1z * sd[3 * b + 2]) / (r1 * r2);
                    zeta += fc(r2, pk[10], pk[11]) * gijk(pk, cs) * expDelr(pk, r1 - r2);
                }
                double bv = bij(ijj, zeta);
                e += 0.5 * fa * bv;
                double dr1 = dR + 0.5 * dfa * bv;
                g[3 * a] += dr1 * d1x / r1;
                g[3 * a + 1] += dr1 * d1y / r1;
                g[3 * a + 2] += dr1 * d1z / r1;
                double pre = 0.5 * fa * dbij(ijj, zeta);
                if (pre == 0.0) {
                    continue;
                }
                for (int b = 0; b < ns; b++) {
                    if (b == a) {
                        continue;
                    }
                    int ijk = (ti * n + tj) * n + type[sj[b]];
                    double r2 = sr[b];
                    if (r2 >= cut[ijk]) {
                        continue;
                    }
                    double[] pk = par[ijk];
                    double d2x = sd[3 * b], d2y = sd[3 * b + 1], d2z = sd[3 * b + 2];
                    double inv12 = 1.0 / (r1 * r2);
                    double cs = (d1x * d2x + d1y * d2y + d1z * d2z) * inv12;
                    double fck = fc(r2, pk[10], pk[11]), dfck = dfc(r2, pk[10], pk[11]);
                    double gv = gijk(pk, cs), dg = dgijk(pk, cs);
                    double ex = expDelr(pk, r1 - r2), dex = dexpDelr(pk, r1 - r2, ex);
                    // ζ term z = fck gv ex; ∂z/∂r1 = fck gv dex; ∂z/∂r2 = dfck gv ex − fck gv dex; ∂z/∂cos = fck dg ex
                    double zr1 = pre * fck * gv * dex;
                    double zr2 = pre * (dfck * gv * ex - fck * gv * dex);
                    double zc = pre * fck * dg * ex;
                    double c1v = zr1 / r1 - zc * cs / (r1 * r1);
                    double c2v = zc * inv12;
                    double c3v = zr2 / r2 - zc * cs / (r2 * r2);
                    g[3 * a] += c1v * d1x + c2v * d2x;
                    g[3 * a + 1] += c1v * d1y + c2v * d2y;
                    g[3 * a + 2] += c1v * d1z + c2v * d2z;
                    g[3 * b] += c3v * d2x + c2v * d1x;
                    g[3 * b + 1] += c3v * d2y + c2v * d1y;
                    g[3 * b + 2] += c3v * d2z + c2v * d1z;
                }
            }
            for (int a = 0; a < ns; a++) {
                int j = sj[a];
                double gx = g[3 * a], gy = g[3 * a + 1], gz = g[3 * a + 2];
                double dx = sd[3 * a], dy = sd[3 * a + 1], dz = sd[3 * a + 2];
                f[3 * j] -= gx;
                f[3 * j + 1] -= gy;
                f[3 * j + 2] -= gz;
                f[3 * i] += gx;
                f[3 * i + 1] += gy;
                f[3 * i + 2] += gz;
                w[0] -= dx * gx;
                w[1] -= dx * gy;
                w[2] -= dx * gz;
                w[4] -= dy * gy;
                w[5] -= dy * gz;
                w[8] -= dz * gz;
            }
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }

    private static double gijk(double[] p, double cs) {
        double c2 = p[3] * p[3], d2 = p[4] * p[4], u = p[5] - cs;
        return p[1] * (1.0 + c2 / d2 - c2 / (d2 + u * u));
    }

    private static double dgijk(double[] p, double cs) {
        double c2 = p[3] * p[3], d2 = p[4] * p[4], u = p[5] - cs;
        double den = d2 + u * u;
        return -2.0 * p[1] * c2 * u / (den * den);
    }

    private static double expDelr(double[] p, double dr) {
        double arg = p[0] == 3 ? cube(p[2] * dr) : p[2] * dr;
        if (arg > 69.0776) {
            return 1.e30;
        }
        if (arg < -69.0776) {
            return 0.0;
        }
        return Math.exp(arg);
    }

    private static double dexpDelr(double[] p, double dr, double ex) {
        if (p[0] == 3) {
            return 3.0 * cube(p[2]) * dr * dr * ex;
        }
        return p[2] * ex;
    }

    private static double cube(double v) {
        return v * v * v;
    }
}
