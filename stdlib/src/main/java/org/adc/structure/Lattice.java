package org.adc.structure;

import java.util.Arrays;

/**
 * A crystal lattice: three basis vectors a, b, c in Cartesian Å, stored row-wise in a
 * 3×3 matrix {@code m = [a; b; c]} (flat {@code double[9]}, {@code m[3*i+k]} = component k of
 * vector i). Fractional coordinates f map to Cartesian r = f·m (row vector convention, as ASE).
 *
 * <p>Immutable. Construction from parameters follows the usual convention (also ASE's
 * {@code cellpar_to_cell}): a along x, b in the xy plane, c completing a right-handed set;
 * angles in degrees. Equations: International Tables for Crystallography Vol. B, §1.1
 * (metric tensor G = m·mᵀ, V = √det G).</p>
 */
public final class Lattice {
    private final double[] m;
    private final double[] inv;

    private Lattice(double[] m) {
        if (m.length != 9) throw new StructureException("lattice needs 9 numbers (3 vectors of 3 components), got " + m.length);
        for (double v : m) if (!Double.isFinite(v)) throw new StructureException("lattice contains a non-finite number");
        this.m = m.clone();
        double det = det(this.m);
        if (Math.abs(det) < 1e-10) throw new StructureException("lattice vectors are (nearly) linearly dependent: volume " + det + " Å^3");
        this.inv = invert(this.m);
    }

    /**
     * @param rows lattice vectors a, b, c as rows, flat length 9, Å
     * @return the lattice
     * @throws StructureException if singular or not of length 9
     */
    public static Lattice fromVectors(double[] rows) { return new Lattice(rows); }

    /** @param a vector a (Å, length 3) @param b vector b @param c vector c @return the lattice */
    public static Lattice fromVectors(double[] a, double[] b, double[] c) {
        return new Lattice(new double[]{a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]});
    }

    /**
     * Lattice from cell parameters.
     * @param a length of a (Å) @param b length of b (Å) @param c length of c (Å)
     * @param alpha angle between b and c (degrees) @param beta angle a–c (degrees) @param gamma angle a–b (degrees)
     * @return lattice with a ∥ x, b in the xy plane
     * @throws StructureException for non-positive lengths or impossible angles
     */
    public static Lattice fromParameters(double a, double b, double c, double alpha, double beta, double gamma) {
        if (!(a > 0 && b > 0 && c > 0)) throw new StructureException("cell lengths must be positive, got " + a + ", " + b + ", " + c);
        if (!(alpha > 0 && alpha < 180 && beta > 0 && beta < 180 && gamma > 0 && gamma < 180))
            throw new StructureException("cell angles must lie strictly between 0 and 180 degrees");
        double ca = cosd(alpha), cb = cosd(beta), cg = cosd(gamma), sg = sind(gamma);
        double cx = cb, cy = (ca - cb * cg) / sg, cz2 = 1 - cx * cx - cy * cy;
        if (cz2 <= 1e-12) throw new StructureException("cell angles " + alpha + ", " + beta + ", " + gamma + " do not form a valid cell");
        return new Lattice(new double[]{a, 0, 0, b * cg, b * sg, 0, c * cx, c * cy, c * Math.sqrt(cz2)});
    }

    /** @param a cubic lattice constant (Å) @return cubic lattice a·I */
    public static Lattice cubic(double a) { return fromParameters(a, a, a, 90, 90, 90); }

    /** @param a a=b (Å) @param c (Å) @return hexagonal lattice (γ = 120°) */
    public static Lattice hexagonal(double a, double c) { return fromParameters(a, a, c, 90, 90, 120); }

    private static double cosd(double deg) {
        if (deg == 90) return 0;
        if (deg == 120) return -0.5;
        if (deg == 60) return 0.5;
        return Math.cos(Math.toRadians(deg));
    }

    private static double sind(double deg) {
        if (deg == 90) return 1;
        if (deg == 120 || deg == 60) return Math.sqrt(3) / 2;
        return Math.sin(Math.toRadians(deg));
    }

    /** @return copy of the row-wise matrix [a; b; c], flat length 9, Å */
    public double[] matrix() { return m.clone(); }

    /** @param i 0,1,2 for a,b,c @return copy of vector i (Å) */
    public double[] vector(int i) { return new double[]{m[3 * i], m[3 * i + 1], m[3 * i + 2]}; }

    /** @return inverse of the row matrix (flat 9), 1/Å; fractional f = r·inverse */
    public double[] inverseMatrix() { return inv.clone(); }

    /** @param i index 0..2 @return |vector i| in Å */
    public double length(int i) { return Math.sqrt(m[3 * i] * m[3 * i] + m[3 * i + 1] * m[3 * i + 1] + m[3 * i + 2] * m[3 * i + 2]); }

    /** @return {a, b, c, α, β, γ} in Å and degrees */
    public double[] parameters() {
        double a = length(0), b = length(1), c = length(2);
        return new double[]{a, b, c, angle(1, 2), angle(0, 2), angle(0, 1)};
    }

    private double angle(int i, int j) {
        double d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
        double c = d / (length(i) * length(j));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /** @return cell volume in Å³ (positive for a right-handed basis) */
    public double volume() { return Math.abs(det(m)); }

    /** @return signed determinant of the row matrix (Å³) */
    public double determinant() { return det(m); }

    /** @return metric tensor G = m·mᵀ (flat 9, Å²) */
    public double[] metric() {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++)
            g[3 * i + j] = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
        return g;
    }

    /** @return perpendicular heights of the cell along each reciprocal direction (Å), V/|b×c| etc. */
    public double[] heights() {
        double v = volume();
        double[] h = new double[3];
        for (int i = 0; i < 3; i++) {
            double[] u = vector((i + 1) % 3), w = vector((i + 2) % 3);
            double[] x = cross(u, w);
            h[i] = v / Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        }
        return h;
    }

    /** @param f fractional coordinates (length 3) @return Cartesian position in Å */
    public double[] toCartesian(double[] f) {
        return new double[]{f[0] * m[0] + f[1] * m[3] + f[2] * m[6], f[0] * m[1] + f[1] * m[4] + f[2] * m[7], f[0] * m[2] + f[1] * m[5] + f[2] * m[8]};
    }

    /** @param r Cartesian position (Å, length 3) @return fractional coordinates */
    public double[] toFractional(double[] r) {
        return new double[]{r[0] * inv[0] + r[1] * inv[3] + r[2] * inv[6], r[0] * inv[1] + r[1] * inv[4] + r[2] * inv[7], r[0] * inv[2] + r[1] * inv[5] + r[2] * inv[8]};
    }

    /**
     * Shortest Cartesian vector equivalent to the fractional difference df under lattice
     * translations (minimum image, searched over neighbouring images so it is exact also for
     * strongly skewed cells).
     * @param df fractional difference (length 3) @return Cartesian vector in Å
     */
    public double[] minimumImage(double[] df) {
        double[] d = {df[0] - Math.rint(df[0]), df[1] - Math.rint(df[1]), df[2] - Math.rint(df[2])};
        double best = Double.MAX_VALUE;
        double[] bestV = null;
        for (int i = -1; i <= 1; i++) for (int j = -1; j <= 1; j++) for (int k = -1; k <= 1; k++) {
            double[] v = toCartesian(new double[]{d[0] + i, d[1] + j, d[2] + k});
            double l = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
            if (l < best) { best = l; bestV = v; }
        }
        return bestV;
    }

    /** @param df fractional difference @return minimum-image distance in Å */
    public double minimumImageDistance(double[] df) {
        double[] v = minimumImage(df);
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /**
     * New lattice whose vectors are rows of {@code P·m} (P integer or real, flat 9): the
     * supercell / change-of-basis convention of ASE's {@code make_supercell}.
     * @param p transformation matrix, flat 9 @return transformed lattice
     */
    public Lattice transform(double[] p) { return new Lattice(mul(p, m)); }

    /** @param s isotropic scale factor @return lattice with all vectors multiplied by s */
    public Lattice scaled(double s) {
        double[] n = m.clone();
        for (int i = 0; i < 9; i++) n[i] *= s;
        return new Lattice(n);
    }

    @Override public boolean equals(Object o) { return o instanceof Lattice l && Arrays.equals(m, l.m); }
    @Override public int hashCode() { return Arrays.hashCode(m); }

    @Override public String toString() {
        double[] p = parameters();
        return String.format("Lattice(a=%.6f b=%.6f c=%.6f Å, α=%.4f β=%.4f γ=%.4f°)", p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    // ---- small 3x3 helpers (flat row-major), used across the package ----

    /** @param a flat 3x3 @return determinant */
    public static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    /** @param a flat 3x3, nonsingular @return inverse */
    public static double[] invert(double[] a) {
        double d = det(a);
        return new double[]{
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }

    /** @param a flat 3x3 @param b flat 3x3 @return a·b */
    public static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++)
            c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return c;
    }

    /** @param u vector @param v vector @return u×v */
    public static double[] cross(double[] u, double[] v) {
        return new double[]{u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }
}
