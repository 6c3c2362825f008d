package org.adc.gcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lower convex hull of formation energy per atom vs composition for a binary A_x B_(1−x) system
 * (seed 004: Na–Sb phases found by GCMC). Built with Andrew's monotone chain (Andrew, Inf. Process.
 * Lett. 9 (1979) 216). The energy above hull of a point is its energy minus the hull's linear
 * interpolation at its composition (≥ 0; 0 for stable phases).
 */
public final class ConvexHull {
    private final double[] hx;
    private final double[] he;

    private ConvexHull(double[] hx, double[] he) {
        this.hx = hx;
        this.he = he;
    }

    /**
     * Formation energy per atom E_f = (E − n_A e_A − n_B e_B)/(n_A + n_B) (seed 003 eq. 5 / seed 004).
     *
     * @param energy total energy in eV
     * @param nA     number of A atoms
     * @param nB     number of B atoms
     * @param eA     reference energy per A atom in eV (e.g. bulk Na)
     * @param eB     reference energy per B atom in eV (e.g. bulk Sb)
     * @return E_f in eV/atom
     */
    public static double formationEnergyPerAtom(double energy, int nA, int nB, double eA, double eB) {
        if (nA + nB <= 0) {
            throw new GcmcException("formation energy needs at least one atom");
        }
        return (energy - nA * eA - nB * eB) / (nA + nB);
    }

    /**
     * @param x composition x_A in [0, 1], one per structure
     * @param e formation energy per atom in eV, one per structure
     * @return the lower hull; the end members x = 0 and x = 1 are added at E_f = 0 if absent
     */
    public static ConvexHull of(double[] x, double[] e) {
        if (x.length != e.length) {
            throw new GcmcException("compositions and energies differ in length");
        }
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        pts.add(new double[] {1, 0});
        for (int k = 0; k < x.length; k++) {
            if (!(x[k] >= 0 && x[k] <= 1) || !Double.isFinite(e[k])) {
                throw new GcmcException("structure " + k + " has composition " + x[k] + " / energy " + e[k]);
            }
            pts.add(new double[] {x[k], e[k]});
        }
        pts.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> lower = new ArrayList<>();
        for (double[] p : pts) {
            if (!lower.isEmpty() && lower.get(lower.size() - 1)[0] == p[0]) {
                continue; // keep the lowest energy at each composition (sorted by energy)
            }
            while (lower.size() >= 2) {
                double[] a = lower.get(lower.size() - 2), b = lower.get(lower.size() - 1);
                double cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
                if (cross <= 0) {
                    lower.remove(lower.size() - 1);
                } else {
                    break;
                }
            }
            lower.add(p);
        }
        double[] hx = new double[lower.size()], he = new double[lower.size()];
        for (int k = 0; k < hx.length; k++) {
            hx[k] = lower.get(k)[0];
            he[k] = lower.get(k)[1];
        }
        return new ConvexHull(hx, he);
    }

    /**
     * @param x composition in [0, 1]
     * @return hull energy at x in eV/atom
     */
    public double hullEnergy(double x) {
        int k = Arrays.binarySearch(hx, x);
        if (k >= 0) {
            return he[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double f = (x - hx[lo]) / (hx[hi] - hx[lo]);
        return he[lo] + f * (he[hi] - he[lo]);
    }

    /**
     * @param x composition
     * @param e formation energy per atom in eV
     * @return energy above hull in eV/atom
     */
    public double energyAboveHull(double x, double e) {
        return e - hullEnergy(x);
    }

    /** @return hull vertices, shape [m][2] = {x, E_f}, by increasing x */
    public double[][] vertices() {
        double[][] v = new double[hx.length][];
        for (int k = 0; k < hx.length; k++) {
            v[k] = new double[] {hx[k], he[k]};
        }
        return v;
    }
}
