package org.adc.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.potential.Atoms;
import org.adc.potential.Evaluation;
import org.adc.potential.LennardJones;
import org.junit.jupiter.api.Test;

/** Cell relaxation finds the lattice constant that minimises E(a) of fcc LJ (golden-section search) and zero stress. */
class CellRelaxTest {
    static Atoms fcc(double a, int n) {
        double[][] b = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        int cnt = 4 * n * n * n;
        double[] x = new double[3 * cnt];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] q : b) {
                        x[3 * p] = (i + q[0]) * a;
                        x[3 * p + 1] = (j + q[1]) * a;
                        x[3 * p + 2] = (k + q[2]) * a;
                        p++;
                    }
                }
            }
        }
        String[] s = new String[cnt];
        java.util.Arrays.fill(s, "Ar");
        return new Atoms(s, x, new double[] {n * a, 0, 0, 0, n * a, 0, 0, 0, n * a});
    }

    @Test
    void fccLatticeConstant() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.FORCE_SHIFTED);
        double lo = 5.0, hi = 5.6;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double m1 = hi - g * (hi - lo), m2 = lo + g * (hi - lo);
            if (lj.compute(fcc(m1, 3)).energy() < lj.compute(fcc(m2, 3)).energy()) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        double aBest = 0.5 * (lo + hi);
        Atoms at = fcc(5.4, 3);
        // small shear and rattle so the cell really has to relax
        at.cell()[3] += 0.1;
        OptimizationResult r = CellObjective.relax(at, lj, new Fire().fmax(1e-5).maxSteps(5000), 0.0);
        assertTrue(r.converged());
        double vol = at.volume();
        double aRelaxed = Math.cbrt(vol / 27) ;
        Evaluation ev = lj.compute(at);
        double[] s = ev.stressGPa(vol);
        System.out.printf("LJ fcc: golden-section a = %.6f Å, cell relax a = %.6f Å (%d steps), max |stress| %.1e GPa%n", aBest, aRelaxed,
            r.steps(), java.util.Arrays.stream(s).map(Math::abs).max().getAsDouble());
        assertEquals(aBest, aRelaxed, 1e-4);
        for (double v : s) {
            assertEquals(0, v, 1e-3);
        }
    }
}
