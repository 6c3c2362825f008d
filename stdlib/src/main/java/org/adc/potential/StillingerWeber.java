package org.adc.potential;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.adc.potential.neighbor.NeighborList;

/**
 * Stillinger–Weber potential (F. H. Stillinger and T. A. Weber, Phys. Rev. B 31, 5262 (1985)) in the
 * multi-element form and file format of LAMMPS {@code pair_style sw}:
 *
 * <pre>
 * E = Σ_i Σ_{j&gt;i} φ2(r_ij) + Σ_i Σ_{j≠i} Σ_{k&gt;j} φ3(r_ij, r_ik, θ_jik)
 * φ2(r) = A_ij ε_ij [B_ij (σ_ij/r)^p_ij − (σ_ij/r)^q_ij] exp(σ_ij / (r − a_ij σ_ij))
 * φ3 = λ_ijk ε_ijk (cos θ_jik − cos θ0_ijk)² exp(γ_ij σ_ij / (r_ij − a_ij σ_ij)) exp(γ_ik σ_ik / (r_ik − a_ik σ_ik))
 * </pre>
 *
 * Two-body and radial three-body parameters come from the (i, j, j) entry, λ, ε and cos θ0 from (i, j, k).
 * File entries: element1 element2 element3 ε(eV) σ(Å) a λ γ cosθ0 A B p q tol. Units: eV, Å.
 */
public final class StillingerWeber implements Calculator {
    static final String[] COLUMNS = {"epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q", "tol"};
    private final String file;
    private final String[] elements;
    private final int n;
    // two-body (i,j) from entry (i,j,j)
    private final double[] eps2, sig, cut, gsig, aA, bB, pp, qq;
    private final int[] pInt, qInt;   // p, q as small integers (−1: not one), for exact fast powers
    // three-body (i,j,k)
    private final double[] lamEps, cos0;
    private final double cutmax;
    private double skin = 1.0;

    /**
     * Reads a LAMMPS .sw file.
     *
     * @param file     name for messages
     * @param text     the file contents
     * @param elements elements mapped to the calculator (like {@code pair_coeff * * Si.sw Si}); null = all in file order
     * @throws PotentialFileException for malformed entries (file and line) or a missing element triplet
     */
    public StillingerWeber(String file, Reader text, String... elements) {
        this.file = file;
        PotentialFileReader r = new PotentialFileReader(file, text);
        List<String> el = new ArrayList<>();
        double[][] t = ElementTable.read(r, elements == null || elements.length == 0 ? null : elements, COLUMNS, el);
        this.elements = el.toArray(new String[0]);
        n = this.elements.length;
        eps2 = new double[n * n];
        sig = new double[n * n];
        cut = new double[n * n];
        gsig = new double[n * n];
        aA = new double[n * n];
        bB = new double[n * n];
        pp = new double[n * n];
        qq = new double[n * n];
        pInt = new int[n * n];
        qInt = new int[n * n];
        lamEps = new double[n * n * n];
        cos0 = new double[n * n * n];
        double cm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] v = t[(i * n + j) * n + j];
                int ij = i * n + j;
                eps2[ij] = v[0];
                sig[ij] = v[1];
                cut[ij] = v[1] * v[2];
                gsig[ij] = v[1] * v[4];
                aA[ij] = v[6];
                bB[ij] = v[7];
                pp[ij] = v[8];
                qq[ij] = v[9];
                pInt[ij] = smallInteger(v[8]);
                qInt[ij] = smallInteger(v[9]);
                if (!(v[1] > 0) || !(v[2] > 0)) {
                    throw r.error(0, "entry " + this.elements[i] + " " + this.elements[j] + " " + this.elements[j] + ": sigma and a must be positive");
                }
                cm = Math.max(cm, cut[ij]);
                for (int k = 0; k < n; k++) {
                    double[] w = t[(i * n + j) * n + k];
                    lamEps[(i * n + j) * n + k] = w[3] * w[0];
                    cos0[(i * n + j) * n + k] = w[5];
                }
            }
        }
        cutmax = cm;
    }

    /** Verlet skin in Å (default 1.0). */
    public StillingerWeber skin(double s) {
        this.skin = s;
        return this;
    }

    @Override
    public double cutoff() {
        return cutmax;
    }

    /** Elements in calculator order. */
    public String[] elements() {
        return elements.clone();
    }

    /** Half the σ of the pair: φ2 at 0.5 σ is far above any physical energy (≈ 10⁴ eV for Si). */
    @Override
    public double minDistance(String a, String b) {
        int i = ElementTable.index(elements, a), j = ElementTable.index(elements, b);
        return i < 0 || j < 0 ? 0 : 0.5 * sig[i * n + j];
    }

    @Override
    public String describe() {
        return "Stillinger-Weber (" + file + ", " + String.join(" ", elements) + ")";
    }

    /** x^p, by repeated multiplication when p is a small non-negative integer (pInt ≥ 0), else Math.pow. */
    private static double power(double x, double p, int pInt) {
        if (pInt < 0) {
            return Math.pow(x, p);
        }
        double r = 1;
        for (int k = 0; k < pInt; k++) {
            r *= x;
        }
        return r;
    }

    private static int smallInteger(double p) {
        return p >= 0 && p <= 16 && p == Math.rint(p) ? (int) p : -1;
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
        for (int i = 0; i < na; i++) {
            int ti = type[i];
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int ns = 0;
            double fix = 0, fiy = 0, fiz = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                int ij = ti * n + type[j];
                double dx = x[3 * j] + off[3 * p] - xi;
                double dy = x[3 * j + 1] + off[3 * p + 1] - yi;
                double dz = x[3 * j + 2] + off[3 * p + 2] - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                double c = cut[ij];
                if (rsq >= c * c) {
                    continue;
                }
                double r = Math.sqrt(rsq);
                sd[3 * ns] = dx;
                sd[3 * ns + 1] = dy;
                sd[3 * ns + 2] = dz;
                sr[ns] = r;
                sj[ns] = j;
                ns++;
                // two-body: each unordered pair once (j > i; a self-image pair j == i is seen in both directions: half weight)
                if (j < i) {
                    continue;
                }
                double s = sig[ij];
                double sr1 = s / r;
                double bp = bB[ij] * power(sr1, pp[ij], pInt[ij]);
                double bq = power(sr1, qq[ij], qInt[ij]);
                double rainv = 1.0 / (r - c);
                double ex = Math.exp(s * rainv);
                double ae = aA[ij] * eps2[ij];
                double phi = ae * (bp - bq) * ex;
                double dphi = ae * ex * ((-pp[ij] * bp + qq[ij] * bq) / r - (bp - bq) * s * rainv * rainv);
                double wt = j == i ? 0.5 : 1.0;
                e += wt * phi;
                // E depends on d = x_j − x_i: F_i = φ'(r) d/r, F_j = −φ'(r) d/r
                double g = wt * dphi / r;
                fix += g * dx;
                fiy += g * dy;
                fiz += g * dz;
                f[3 * j] -= g * dx;
                f[3 * j + 1] -= g * dy;
                f[3 * j + 2] -= g * dz;
                w[0] -= g * dx * dx;
                w[1] -= g * dx * dy;
                w[2] -= g * dx * dz;
                w[4] -= g * dy * dy;
                w[5] -= g * dy * dz;
                w[8] -= g * dz * dz;
            }
            // full gradient: E = ½ΣΣ φ → F_i = Σ_j φ'(r) d/r (d = x_j − x_i), F_j gets −φ'd/r via j's own loop
            // three-body
            for (int a = 0; a < ns - 1; a++) {
                int j = sj[a];
                int ij = ti * n + type[j];
                double r1 = sr[a];
                double d1x = sd[3 * a], d1y = sd[3 * a + 1], d1z = sd[3 * a + 2];
                double ra1 = 1.0 / (r1 - cut[ij]);
                double e1 = Math.exp(gsig[ij] * ra1);
                double de1 = -gsig[ij] * ra1 * ra1; // d ln e1 / d r1
                for (int b = a + 1; b < ns; b++) {
                    int k = sj[b];
                    int ik = ti * n + type[k];
                    int ijk = ij * n + type[k];
                    double r2 = sr[b];
                    double d2x = sd[3 * b], d2y = sd[3 * b + 1], d2z = sd[3 * b + 2];
                    double ra2 = 1.0 / (r2 - cut[ik]);
                    double e2 = Math.exp(gsig[ik] * ra2);
                    double de2 = -gsig[ik] * ra2 * ra2;
                    double inv12 = 1.0 / (r1 * r2);
                    double cs = (d1x * d2x + d1y * d2y + d1z * d2z) * inv12;
                    double dc = cs - cos0[ijk];
                    double le = lamEps[ijk];
                    double h = le * dc * dc * e1 * e2;
                    e += h;
                    double dhdc = 2 * le * dc * e1 * e2;
                    double dhdr1 = h * de1;
                    double dhdr2 = h * de2;
                    // ∂E/∂d1 = dhdr1 d1/r1 + dhdc (d2/(r1 r2) − cs d1/r1²)
                    double c1 = dhdr1 / r1 - dhdc * cs / (r1 * r1);
                    double c2 = dhdc * inv12;
                    double g1x = c1 * d1x + c2 * d2x, g1y = c1 * d1y + c2 * d2y, g1z = c1 * d1z + c2 * d2z;
                    double c3 = dhdr2 / r2 - dhdc * cs / (r2 * r2);
                    double g2x = c3 * d2x + c2 * d1x, g2y = c3 * d2y + c2 * d1y, g2z = c3 * d2z + c2 * d1z;
                    f[3 * j] -= g1x;
                    f[3 * j + 1] -= g1y;
                    f[3 * j + 2] -= g1z;
                    f[3 * k] -= g2x;
                    f[3 * k + 1] -= g2y;
                    f[3 * k + 2] -= g2z;
                    fix += g1x + g2x;
                    fiy += g1y + g2y;
                    fiz += g1z + g2z;
                    w[0] -= d1x * g1x + d2x * g2x;
                    w[1] -= d1x * g1y + d2x * g2y;
                    w[2] -= d1x * g1z + d2x * g2z;
                    w[4] -= d1y * g1y + d2y * g2y;
                    w[5] -= d1y * g1z + d2y * g2z;
                    w[8] -= d1z * g1z + d2z * g2z;
                }
            }
            f[3 * i] += fix;
            f[3 * i + 1] += fiy;
            f[3 * i + 2] += fiz;
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }
}
