package org.adc.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.potential.Atoms;
import org.adc.potential.LennardJones;
import org.junit.jupiter.api.Test;

/** FIRE and L-BFGS reach the same LJ minimum, respect fixed atoms, and report non-convergence. */
class OptimizerTest {
    static Atoms cluster() {
        // 3x3x3 fcc argon with a vacancy, slightly perturbed
        java.util.List<double[]> xs = new java.util.ArrayList<>();
        double a = 5.26;
        double[][] b = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (double[] q : b) {
                        xs.add(new double[] {(i + q[0]) * a, (j + q[1]) * a, (k + q[2]) * a});
                    }
                }
            }
        }
        xs.remove(0);
        double[] x = new double[3 * xs.size()];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < xs.size(); i++) {
            for (int c = 0; c < 3; c++) {
                x[3 * i + c] = xs.get(i)[c] + 0.05 * (r.nextDouble() - 0.5);
            }
        }
        String[] s = new String[xs.size()];
        java.util.Arrays.fill(s, "Ar");
        return new Atoms(s, x, new double[] {3 * a, 0, 0, 0, 3 * a, 0, 0, 0, 3 * a});
    }

    @Test
    void fireAndLbfgsAgree() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        Atoms a = cluster();
        Atoms b = cluster();
        OptimizationResult rf = AtomsObjective.relax(a, lj, new Fire().fmax(1e-5).maxSteps(5000));
        OptimizationResult rl = AtomsObjective.relax(b, lj, new Lbfgs().fmax(1e-5).maxSteps(5000));
        assertTrue(rf.converged() && rl.converged());
        assertEquals(rf.energy(), rl.energy(), 1e-8);
        System.out.printf("LJ vacancy relax: FIRE %d steps, L-BFGS %d steps, E = %.8f eV%n", rf.steps(), rl.steps(), rl.energy());
    }

    @Test
    void fixedAtomsDoNotMove() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        for (Optimizer opt : new Optimizer[] {new Fire(), new Lbfgs()}) {
            Atoms a = cluster();
            double[] before = a.positions().clone();
            boolean[] fixed = new boolean[a.size()];
            fixed[0] = true;
            fixed[5] = true;
            AtomsObjective.relax(a, lj, opt.fmax(1e-4).fixed(fixed));
            assertArrayEquals(java.util.Arrays.copyOfRange(before, 0, 3), java.util.Arrays.copyOfRange(a.positions(), 0, 3));
            assertArrayEquals(java.util.Arrays.copyOfRange(before, 15, 18), java.util.Arrays.copyOfRange(a.positions(), 15, 18));
        }
    }

    @Test
    void nonConvergenceIsReported() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        OptimizationResult r = AtomsObjective.relax(cluster(), lj, new Lbfgs().fmax(1e-9).maxSteps(3));
        assertTrue(!r.converged());
        assertEquals(3, r.steps()); // exact: the step limit (issue 18), not the limit + 1
    }
}
