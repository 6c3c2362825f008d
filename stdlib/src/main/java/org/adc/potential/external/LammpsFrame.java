package org.adc.potential.external;

/**
 * A cell in LAMMPS's restricted triclinic frame (a along x, b in the xy plane) and the orthogonal map Q between
 * it and the original frame: x_lammps = x Q for row vectors, so forces go back as F = F_lammps Qᵀ and the
 * virial as W = Q W_lammps Qᵀ. Used by every external code that wants an upper-triangular box.
 */
record LammpsFrame(double lx, double ly, double lz, double xy, double xz, double yz, double[] q, double[] inverseCell) {
    static LammpsFrame of(double[] c) {
        double[] a = {c[0], c[1], c[2]};
        double[] b = {c[3], c[4], c[5]};
        double[] cc = {c[6], c[7], c[8]};
        double lx = norm(a);
        double xy = dot(b, a) / lx;
        double ly = Math.sqrt(dot(b, b) - xy * xy);
        double xz = dot(cc, a) / lx;
        double yz = (dot(b, cc) - xy * xz) / ly;
        double lz = Math.sqrt(dot(cc, cc) - xz * xz - yz * yz);
        double[] inv = inverse(c);
        double[] l = {lx, 0, 0, xy, ly, 0, xz, yz, lz};
        double[] q = new double[9];           // Q = cell⁻¹ · L
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += inv[3 * i + k] * l[3 * k + j];
                }
                q[3 * i + j] = s;
            }
        }
        return new LammpsFrame(lx, ly, lz, xy, xz, yz, q, inv);
    }

    boolean triclinic() {
        return xy != 0 || xz != 0 || yz != 0;
    }

    /** Row vector v (original frame) into the LAMMPS frame. */
    double[] toLammps(double x, double y, double z) {
        return new double[] {x * q[0] + y * q[3] + z * q[6], x * q[1] + y * q[4] + z * q[7], x * q[2] + y * q[5] + z * q[8]};
    }

    /** Row vector v (LAMMPS frame) back into the original frame: v Qᵀ. */
    double[] fromLammps(double x, double y, double z) {
        return new double[] {x * q[0] + y * q[1] + z * q[2], x * q[3] + y * q[4] + z * q[5], x * q[6] + y * q[7] + z * q[8]};
    }

    /** Tensor W (LAMMPS frame, row-major 9) back into the original frame: Q W Qᵀ. */
    double[] tensorFromLammps(double[] w) {
        double[] t = new double[9];
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += q[3 * i + k] * w[3 * k + j];
                }
                t[3 * i + j] = s;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += t[3 * i + k] * q[3 * j + k];
                }
                r[3 * i + j] = s;
            }
        }
        return r;
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    static double[] inverse(double[] m) {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (det == 0) {
            throw new IllegalArgumentException("the cell is singular (its volume is zero)");
        }
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    }
}
