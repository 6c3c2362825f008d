package org.adc.symmetry;

import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * A Wyckoff position of a space group: letter, multiplicity (conventional cell), site-symmetry
 * symbol and the first coordinate triplet of ITA Vol. A as an affine map of the free
 * parameters, r = A·(x,y,z) + b (A may be singular: e.g. "x,x,z" or "1/8,1/8,1/8").
 */
public final class WyckoffPosition {
    private final int group;
    private final String letter;
    private final int multiplicity;
    private final String siteSymmetry;
    private final String triplet;
    private final double[] a = new double[9];
    private final double[] b = new double[3];

    /**
     * @param group ITA number @param letter Wyckoff letter @param multiplicity multiplicity
     * @param siteSymmetry oriented site-symmetry symbol @param triplet first coordinate triplet, e.g. "x,x,z"
     */
    public WyckoffPosition(int group, String letter, int multiplicity, String siteSymmetry, String triplet) {
        this.group = group; this.letter = letter; this.multiplicity = multiplicity; this.siteSymmetry = siteSymmetry; this.triplet = triplet;
        String[] parts = triplet.replace(" ", "").split(",");
        if (parts.length != 3) throw new StructureException("Wyckoff triplet '" + triplet + "' needs three components");
        for (int i = 0; i < 3; i++) parseComponent(parts[i], i);
    }

    private void parseComponent(String p, int row) {
        int pos = 0;
        while (pos < p.length()) {
            int sign = 1;
            char c = p.charAt(pos);
            if (c == '+' || c == '-') { sign = c == '-' ? -1 : 1; pos++; }
            int e = pos;
            while (e < p.length() && (Character.isDigit(p.charAt(e)) || p.charAt(e) == '/' || p.charAt(e) == '.')) e++;
            double coef = 1;
            if (e > pos) {
                String num = p.substring(pos, e);
                int sl = num.indexOf('/');
                coef = sl >= 0 ? Double.parseDouble(num.substring(0, sl)) / Double.parseDouble(num.substring(sl + 1)) : Double.parseDouble(num);
            }
            if (e < p.length() && "xyz".indexOf(p.charAt(e)) >= 0) {
                a[3 * row + (p.charAt(e) - 'x')] += sign * coef;
                pos = e + 1;
            } else {
                if (e == pos) throw new StructureException("bad Wyckoff triplet component '" + p + "'");
                b[row] += sign * coef;
                pos = e;
            }
        }
    }

    /** @return ITA group number */
    public int group() { return group; }
    /** @return Wyckoff letter, e.g. "g" */
    public String letter() { return letter; }
    /** @return multiplicity in the conventional cell */
    public int multiplicity() { return multiplicity; }
    /** @return label such as "96g" */
    public String label() { return multiplicity + letter; }
    /** @return oriented site-symmetry symbol (ITA) */
    public String siteSymmetry() { return siteSymmetry; }
    /** @return first coordinate triplet as printed in ITA */
    public String triplet() { return triplet; }

    /**
     * The free parameters of the first triplet, e.g. "xz" for "x,x,z", "" for "1/8,1/8,1/8".
     * @return the letters among x, y, z that the triplet uses, in that order
     */
    public String freeParameters() {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < 3; j++) if (a[j] != 0 || a[3 + j] != 0 || a[6 + j] != 0) s.append((char) ('x' + j));
        return s.toString();
    }

    /** @param xyz free parameters (x,y,z; callers refuse those not in {@link #freeParameters()}) @return fractional position of the first representative */
    public double[] position(double[] xyz) {
        double[] r = b.clone();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[i] += a[3 * i + j] * xyz[j];
        return r;
    }

    /**
     * True if the fractional point p lies on this Wyckoff position's first representative set
     * (modulo lattice translations) within tol Å: solves A·u = p − b − t by least squares over
     * nearby integer t and checks the residual.
     * @param p point @param lattice lattice for the Å tolerance @param tol tolerance (Å)
     * @return whether p ∈ {A·u + b} + Z³
     */
    public boolean containsRepresentative(double[] p, Lattice lattice, double tol) {
        // project p − b onto the column space of A via normal equations with pseudo-inverse (A is tiny)
        double[] d = {p[0] - b[0], p[1] - b[1], p[2] - b[2]};
        for (int k = 0; k < 3; k++) d[k] -= Math.floor(d[k] + 0.5);
        for (int i = -1; i <= 1; i++) for (int j = -1; j <= 1; j++) for (int k = -1; k <= 1; k++) {
            double[] q = {d[0] + i, d[1] + j, d[2] + k};
            double[] proj = project(q);
            double[] res = {q[0] - proj[0], q[1] - proj[1], q[2] - proj[2]};
            double[] rc = lattice.toCartesian(res);
            if (Math.sqrt(rc[0] * rc[0] + rc[1] * rc[1] + rc[2] * rc[2]) < tol) return true;
        }
        return false;
    }

    private double[][] basis;
    private int nbasis = -1;

    private double[] project(double[] q) {
        if (nbasis < 0) buildBasis();
        double[] r = new double[3];
        for (int mm = 0; mm < nbasis; mm++) {
            double dot = q[0] * basis[mm][0] + q[1] * basis[mm][1] + q[2] * basis[mm][2];
            for (int k = 0; k < 3; k++) r[k] += dot * basis[mm][k];
        }
        return r;
    }

    private synchronized void buildBasis() {
        // orthonormal basis of the span of A's columns (Gram–Schmidt over the 3 columns)
        double[][] basis = new double[3][];
        int nb = 0;
        for (int j = 0; j < 3; j++) {
            double[] v = {a[j], a[3 + j], a[6 + j]};
            for (int m = 0; m < nb; m++) {
                double dot = v[0] * basis[m][0] + v[1] * basis[m][1] + v[2] * basis[m][2];
                for (int k = 0; k < 3; k++) v[k] -= dot * basis[m][k];
            }
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (n > 1e-9) { for (int k = 0; k < 3; k++) v[k] /= n; basis[nb++] = v; }
        }
        this.basis = basis;
        this.nbasis = nb;
    }

    /**
     * True if some image of p under the group lies on the first representative set.
     * @param g the space group @param p fractional point @param lattice lattice @param tol Å
     * @return whether p belongs to this Wyckoff position
     */
    public boolean contains(SpaceGroup g, double[] p, Lattice lattice, double tol) {
        List<SymOp> ops = g.operations();
        for (SymOp op : ops) if (containsRepresentative(op.apply(p), lattice, tol)) return true;
        return false;
    }

    @Override public String toString() { return label() + " " + siteSymmetry + " (" + triplet + ")"; }
}
