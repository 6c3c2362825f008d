package org.adc.symmetry;

import java.util.Arrays;
import org.adc.structure.StructureException;

/**
 * A crystallographic symmetry operation (W, w) acting on fractional coordinates as
 * x' = W·x + w (Seitz notation, International Tables Vol. A §1.2). W is an integer 3×3 matrix
 * (row-major {@code int[9]}), w a translation in lattice units.
 *
 * <p>Immutable. {@link #parse(String)} reads the "x,y,z" triplets of CIF files and ITA tables;
 * {@link #toXyz()} writes them (translations as fractions with denominator ≤ 24 when possible).</p>
 */
public final class SymOp {
    private final int[] w;
    private final double[] t;

    /** @param rotation integer matrix, row-major length 9 @param translation length 3, lattice units */
    public SymOp(int[] rotation, double[] translation) {
        if (rotation.length != 9 || translation.length != 3) throw new StructureException("symmetry operation needs a 3x3 matrix and a 3-vector");
        this.w = rotation.clone();
        this.t = translation.clone();
    }

    /** @return the identity operation */
    public static SymOp identity() { return new SymOp(new int[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]); }

    /** @return copy of the rotation part W (row-major) */
    public int[] rotation() { return w.clone(); }
    /** @param i row @param j column @return W_ij */
    public int rot(int i, int j) { return w[3 * i + j]; }
    /** @return copy of the translation part w */
    public double[] translation() { return t.clone(); }
    /** @param i component @return w_i */
    public double trans(int i) { return t[i]; }

    /** @param x fractional coordinates (length 3) @return W·x + w */
    public double[] apply(double[] x) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = w[3 * i] * x[0] + w[3 * i + 1] * x[1] + w[3 * i + 2] * x[2] + t[i];
        return r;
    }

    /** @param x vector @return W·x (rotation only, for displacement vectors) */
    public double[] rotate(double[] x) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = w[3 * i] * x[0] + w[3 * i + 1] * x[1] + w[3 * i + 2] * x[2];
        return r;
    }

    /** @param o second operation @return this∘o, i.e. x ↦ this(o(x)) */
    public SymOp compose(SymOp o) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++)
            r[3 * i + j] = w[3 * i] * o.w[j] + w[3 * i + 1] * o.w[3 + j] + w[3 * i + 2] * o.w[6 + j];
        double[] tt = rotate(o.t);
        for (int i = 0; i < 3; i++) tt[i] += t[i];
        return new SymOp(r, tt);
    }

    /** @return the inverse operation (W⁻¹, −W⁻¹w) */
    public SymOp inverse() {
        int d = determinant();
        int[] a = w;
        int[] r = {
            (a[4] * a[8] - a[5] * a[7]) * d, (a[2] * a[7] - a[1] * a[8]) * d, (a[1] * a[5] - a[2] * a[4]) * d,
            (a[5] * a[6] - a[3] * a[8]) * d, (a[0] * a[8] - a[2] * a[6]) * d, (a[2] * a[3] - a[0] * a[5]) * d,
            (a[3] * a[7] - a[4] * a[6]) * d, (a[1] * a[6] - a[0] * a[7]) * d, (a[0] * a[4] - a[1] * a[3]) * d};
        SymOp inv = new SymOp(r, new double[3]);
        double[] tt = inv.rotate(t);
        return new SymOp(r, new double[]{-tt[0], -tt[1], -tt[2]});
    }

    /** @return det W (±1 for a crystallographic operation) */
    public int determinant() {
        int[] a = w;
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    /** @return trace of W */
    public int trace() { return w[0] + w[4] + w[8]; }

    /** @return operation with translation reduced to [0,1) (values within 1e-9 of 1 map to 0) */
    public SymOp normalized() {
        double[] tt = new double[3];
        for (int i = 0; i < 3; i++) { double x = t[i] - Math.floor(t[i]); tt[i] = x > 1 - 1e-9 ? 0 : x; }
        return new SymOp(w, tt);
    }

    /** @param v translation (lattice units) @return (W, w + v) */
    public SymOp translated(double[] v) { return new SymOp(w, new double[]{t[0] + v[0], t[1] + v[1], t[2] + v[2]}); }

    /** @param o other @return true if W equal */
    public boolean sameRotation(SymOp o) { return Arrays.equals(w, o.w); }

    /**
     * @param o other operation @param tol tolerance on translations (lattice units)
     * @return true if rotations are equal and translations agree modulo integer lattice vectors
     */
    public boolean equalsModLattice(SymOp o, double tol) {
        if (!Arrays.equals(w, o.w)) return false;
        for (int i = 0; i < 3; i++) {
            double d = t[i] - o.t[i];
            if (Math.abs(d - Math.rint(d)) > tol) return false;
        }
        return true;
    }

    /**
     * Parses an operation in "x,y,z" form as used by CIF and ITA: terms like {@code -x+1/2},
     * {@code x-y}, {@code 1/4+z}, {@code 0.5-y}; case-insensitive; spaces ignored.
     * @param s the triplet
     * @return the operation
     * @throws StructureException when the text is not a valid triplet
     */
    public static SymOp parse(String s) {
        String q = s.replace(" ", "").replace("'", "").replace("\"", "").toLowerCase();
        String[] parts = q.split(",");
        if (parts.length != 3) throw new StructureException("symmetry operation '" + s + "' must have three comma-separated components");
        int[] r = new int[9];
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            String p = parts[i];
            if (p.isEmpty()) throw new StructureException("empty component in symmetry operation '" + s + "'");
            int pos = 0;
            while (pos < p.length()) {
                int sign = 1;
                char c = p.charAt(pos);
                if (c == '+' || c == '-') { sign = c == '-' ? -1 : 1; pos++; }
                if (pos >= p.length()) throw new StructureException("dangling sign in symmetry operation '" + s + "'");
                c = p.charAt(pos);
                if (c == 'x' || c == 'y' || c == 'z') {
                    r[3 * i + (c - 'x')] += sign;
                    pos++;
                } else {
                    int e = pos;
                    while (e < p.length() && (Character.isDigit(p.charAt(e)) || p.charAt(e) == '.' || p.charAt(e) == '/')) e++;
                    if (e == pos) throw new StructureException("unexpected character '" + c + "' in symmetry operation '" + s + "'");
                    String num = p.substring(pos, e);
                    double v;
                    try {
                        int sl = num.indexOf('/');
                        v = sl >= 0 ? Double.parseDouble(num.substring(0, sl)) / Double.parseDouble(num.substring(sl + 1)) : Double.parseDouble(num);
                    } catch (NumberFormatException ex) {
                        throw new StructureException("bad number '" + num + "' in symmetry operation '" + s + "'");
                    }
                    pos = e;
                    if (pos < p.length() && p.charAt(pos) == '*') { // forms like 2*x are not crystallographic, reject clearly
                        throw new StructureException("coefficient products are not supported in symmetry operation '" + s + "'");
                    }
                    if (pos < p.length() && (p.charAt(pos) == 'x' || p.charAt(pos) == 'y' || p.charAt(pos) == 'z')) {
                        if (v != Math.rint(v)) throw new StructureException("non-integer coefficient in symmetry operation '" + s + "'");
                        r[3 * i + (p.charAt(pos) - 'x')] += sign * (int) v;
                        pos++;
                    } else t[i] += sign * v;
                }
            }
        }
        SymOp op = new SymOp(r, t);
        if (Math.abs(op.determinant()) != 1) throw new StructureException("symmetry operation '" + s + "' has determinant " + op.determinant() + " (must be ±1)");
        return op;
    }

    /** @return "x,y,z"-form text, translations as fractions (denominator ≤ 24) or decimals */
    public String toXyz() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) b.append(',');
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                int v = w[3 * i + j];
                if (v == 0) continue;
                if (v > 0 && c.length() > 0) c.append('+');
                if (v == -1) c.append('-'); else if (v != 1) c.append(v);
                c.append((char) ('x' + j));
            }
            double x = t[i] - Math.floor(t[i]);
            if (x > 1 - 1e-9) x = 0;
            if (x > 1e-9) c.append('+').append(fraction(x));
            if (c.length() == 0) c.append('0');
            b.append(c);
        }
        return b.toString();
    }

    private static String fraction(double x) {
        for (int d = 2; d <= 24; d++) {
            double n = x * d;
            if (Math.abs(n - Math.rint(n)) < 1e-8) {
                long nn = Math.round(n);
                long g = gcd(nn, d);
                return (nn / g) + "/" + (d / g);
            }
        }
        return Double.toString(x);
    }

    private static long gcd(long a, long b) { return b == 0 ? Math.abs(a) : gcd(b, a % b); }

    @Override public boolean equals(Object o) { return o instanceof SymOp s && Arrays.equals(w, s.w) && Arrays.equals(t, s.t); }
    @Override public int hashCode() { return 31 * Arrays.hashCode(w) + Arrays.hashCode(t); }
    @Override public String toString() { return toXyz(); }
}
