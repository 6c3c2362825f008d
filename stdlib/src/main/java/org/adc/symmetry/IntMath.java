package org.adc.symmetry;

/**
 * Small integer linear-algebra helpers for 3×3 integer matrices (row-major int[9]) used by
 * symmetry detection: products, determinant, inverse of unimodular/small matrices, gcd.
 */
final class IntMath {
    private IntMath() { }

    static int det(int[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    static int[] mul(int[] a, int[] b) {
        int[] c = new int[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++)
            c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return c;
    }

    /** Adjugate: adj(a)·a = det(a)·I. */
    static int[] adj(int[] a) {
        return new int[]{
            a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
            a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
            a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]};
    }

    static int gcd(int a, int b) { a = Math.abs(a); b = Math.abs(b); while (b != 0) { int t = a % b; a = b; b = t; } return a; }

    static double[] toDouble(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /** M·v for int matrix and double vector. */
    static double[] mulVec(int[] m, double[] v) {
        return new double[]{m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2], m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double[] mulVec(double[] m, double[] v) {
        return new double[]{m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2], m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static int[] transpose(int[] a) { return new int[]{a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]}; }
}
