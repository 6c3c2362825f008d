package org.adc.neb;

import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;

/**
 * The image-dependent pair potential of one image (Smidstrup et al., J. Chem. Phys. 140, 214106 (2014), eq. 2):
 * S = Σ_{i&lt;j} (d_ij^target − d_ij)² / d_ij⁴, with forces −∂S/∂x. Distances use the minimum image when {@code mic}.
 */
final class IdppSurface implements Calculator {
    private final double[] target;
    private final boolean mic;

    IdppSurface(double[] target, boolean mic) {
        this.target = target;
        this.mic = mic;
    }

    @Override
    public Evaluation compute(Atoms a) {
        int n = a.size();
        double[] x = a.positions();
        double[] f = new double[3 * n];
        double[] v = new double[3];
        double e = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[0] = x[3 * j] - x[3 * i];
                v[1] = x[3 * j + 1] - x[3 * i + 1];
                v[2] = x[3 * j + 2] - x[3 * i + 2];
                if (mic) {
                    Interpolation.minimumImage(v, 0, a.cell(), a.pbc());
                }
                double d = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                double t = target[p++];
                double d4 = d * d * d * d;
                double diff = t - d;
                e += diff * diff / d4;
                // dS/dd = −2 (t − d)/d⁴ − 4 (t − d)²/d⁵
                double dsdd = -2 * diff / d4 - 4 * diff * diff / (d4 * d);
                double g = dsdd / d;
                for (int k = 0; k < 3; k++) {
                    f[3 * j + k] -= g * v[k];
                    f[3 * i + k] += g * v[k];
                }
            }
        }
        return new Evaluation(e, f, new double[9]);
    }

    @Override
    public double cutoff() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double minDistance(String a, String b) {
        return 0;
    }

    @Override
    public String describe() {
        return "IDPP";
    }
}
