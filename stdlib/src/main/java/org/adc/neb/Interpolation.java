package org.adc.neb;

import java.util.ArrayList;
import java.util.List;

import org.adc.optimize.Fire;
import org.adc.optimize.Objective;
import org.adc.optimize.OptimizationResult;
import org.adc.potential.Atoms;

/**
 * Initial paths between two end points with the same atoms in the same order.
 *
 * <ul>
 * <li>{@link #linear}: R_k = R_0 + k/(n−1) (R_1 − R_0), optionally with the minimum-image displacement;</li>
 * <li>{@link #idpp}: image-dependent pair potential (S. Smidstrup, A. Pedersen, K. Stokbro and H. Jónsson,
 *     J. Chem. Phys. 140, 214106 (2014)): each image minimises S_k = Σ_{i&lt;j} w(d_ij) (d_ij^k − d_ij)², w(d) = 1/d⁴,
 *     with target distances d_ij^k = d_ij^0 + k/(n−1) (d_ij^1 − d_ij^0), as an NEB on the S surface
 *     (springs 0.1, FIRE, converged to 0.01 in the max per-atom force), starting from the linear path.</li>
 * </ul>
 */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * Linear interpolation.
     *
     * @param initial first end point
     * @param fin     last end point (same symbols)
     * @param images  total number of images including end points (≥ 3)
     * @param mic     use the minimum-image displacement of each atom (periodic cells)
     * @return images, end points copied
     */
    public static List<Atoms> linear(Atoms initial, Atoms fin, int images, boolean mic) {
        if (images < 3) {
            throw new IllegalArgumentException("a band needs at least 3 images (2 end points and 1 moving image), got " + images);
        }
        if (initial.size() != fin.size() || !java.util.Arrays.equals(initial.symbols(), fin.symbols())) {
            throw new IllegalArgumentException("initial and final structures must have the same atoms in the same order");
        }
        double[] d = displacement(initial, fin, mic);
        List<Atoms> out = new ArrayList<>();
        for (int k = 0; k < images; k++) {
            Atoms a = initial.copy();
            double t = (double) k / (images - 1);
            double[] x = a.positions();
            for (int q = 0; q < x.length; q++) {
                x[q] += t * d[q];
            }
            out.add(k == images - 1 && !mic ? fin.copy() : a);
        }
        return out;
    }

    /** Per-atom displacement final − initial (Å), wrapped to the nearest image when {@code mic}. */
    static double[] displacement(Atoms initial, Atoms fin, boolean mic) {
        double[] d = new double[initial.positions().length];
        for (int q = 0; q < d.length; q++) {
            d[q] = fin.positions()[q] - initial.positions()[q];
        }
        if (mic) {
            for (int i = 0; i < d.length; i += 3) {
                minimumImage(d, i, initial.cell(), initial.pbc());
            }
        }
        return d;
    }

    /** Wraps vector v[i..i+2] to its shortest periodic image (searching the 27 neighbouring translations). */
    static void minimumImage(double[] v, int i, double[] cell, boolean[] pbc) {
        double[] inv = invert(cell);
        double[] s = new double[3];
        for (int a = 0; a < 3; a++) {
            s[a] = v[i] * inv[a] + v[i + 1] * inv[3 + a] + v[i + 2] * inv[6 + a];
            if (pbc[a]) {
                s[a] -= Math.rint(s[a]);
            }
        }
        double best = Double.MAX_VALUE;
        double[] bv = new double[3];
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    if ((!pbc[0] && a != 0) || (!pbc[1] && b != 0) || (!pbc[2] && c != 0)) {
                        continue;
                    }
                    double fa = s[0] + a, fb = s[1] + b, fc = s[2] + c;
                    double x = fa * cell[0] + fb * cell[3] + fc * cell[6];
                    double y = fa * cell[1] + fb * cell[4] + fc * cell[7];
                    double z = fa * cell[2] + fb * cell[5] + fc * cell[8];
                    double r = x * x + y * y + z * z;
                    if (r < best) {
                        best = r;
                        bv[0] = x;
                        bv[1] = y;
                        bv[2] = z;
                    }
                }
            }
        }
        v[i] = bv[0];
        v[i + 1] = bv[1];
        v[i + 2] = bv[2];
    }

    static double[] invert(double[] h) {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], k = h[8];
        double det = a * (e * k - f * hh) - b * (d * k - f * g) + c * (d * hh - e * g);
        double id = 1.0 / det;
        return new double[] {(e * k - f * hh) * id, (c * hh - b * k) * id, (b * f - c * e) * id,
            (f * g - d * k) * id, (a * k - c * g) * id, (c * d - a * f) * id,
            (d * hh - e * g) * id, (b * g - a * hh) * id, (a * e - b * d) * id};
    }

    /**
     * IDPP interpolation (see class comment). Pair distances use the minimum image in periodic cells.
     *
     * @return images, end points copied
     */
    public static List<Atoms> idpp(Atoms initial, Atoms fin, int images, boolean mic) {
        List<Atoms> band = linear(initial, fin, images, mic);
        int n = initial.size();
        double[] d0 = pairDistances(initial, mic);
        double[] d1 = pairDistances(band.get(images - 1), mic);
        List<IdppSurface> surf = new ArrayList<>();
        for (int k = 0; k < images; k++) {
            double t = (double) k / (images - 1);
            double[] target = new double[d0.length];
            for (int p = 0; p < target.length; p++) {
                target[p] = d0[p] + t * (d1[p] - d0[p]);
            }
            surf.add(new IdppSurface(target, mic));
        }
        Band b = new Band(band, k -> surf.get(k), 0.1, false, Band.Tangent.IMPROVED);
        Objective obj = b.objective(false);
        OptimizationResult r = new Fire().fmax(0.01).maxSteps(2000).minimize(obj, b.interiorCoordinates());
        b.setInterior(r.x());
        return b.images();
    }

    static double[] pairDistances(Atoms a, boolean mic) {
        int n = a.size();
        double[] x = a.positions();
        double[] d = new double[n * (n - 1) / 2];
        double[] v = new double[3];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[0] = x[3 * j] - x[3 * i];
                v[1] = x[3 * j + 1] - x[3 * i + 1];
                v[2] = x[3 * j + 2] - x[3 * i + 2];
                if (mic) {
                    minimumImage(v, 0, a.cell(), a.pbc());
                }
                d[p++] = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            }
        }
        return d;
    }
}
