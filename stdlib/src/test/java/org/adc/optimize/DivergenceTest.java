package org.adc.optimize;

import static org.junit.jupiter.api.Assertions.*;

import org.adc.potential.SimulationException;
import org.junit.jupiter.api.Test;

/** Optimisers stop with an error and a hint when a run diverges, and count steps exactly. */
class DivergenceTest {
    /** E = −Σ x⁴: no minimum, forces grow without bound along the run. */
    static final Objective UNBOUNDED = new Objective() {
        @Override public int dimension() { return 6; }
        @Override public double evaluate(double[] x, double[] f) {
            double e = 0;
            for (int k = 0; k < x.length; k++) { e -= Math.pow(x[k], 4); f[k] = 4 * Math.pow(x[k], 3); }
            return e;
        }
    };

    /** E = Σ x²/2, a harmonic well. */
    static final Objective WELL = new Objective() {
        @Override public int dimension() { return 3; }
        @Override public double evaluate(double[] x, double[] f) {
            double e = 0;
            for (int k = 0; k < x.length; k++) { e += 0.5 * x[k] * x[k]; f[k] = -x[k]; }
            return e;
        }
    };

    @Test
    void explodingForcesStopLbfgsWithAHintToUseFire() {
        SimulationException e = assertThrows(SimulationException.class,
            () -> new Lbfgs().maxSteps(100000).minimize(UNBOUNDED, new double[]{0.5, 0.4, 0.3, 0.2, 0.1, 0.6}));
        assertTrue(e.getMessage().startsWith("L-BFGS diverged at step "), e.getMessage());
        assertTrue(e.hint().contains("fire"), e.hint());
        assertTrue(e.step() > 0 && e.step() < 100000);
    }

    @Test
    void explodingForcesStopFireToo() {
        SimulationException e = assertThrows(SimulationException.class,
            () -> new Fire().maxSteps(100000).minimize(UNBOUNDED, new double[]{0.5, 0.4, 0.3, 0.2, 0.1, 0.6}));
        assertTrue(e.getMessage().startsWith("FIRE diverged"), e.getMessage());
    }

    @Test
    void stepsCountUpdatesAndNeverExceedTheLimit() {
        OptimizationResult r = new Lbfgs().fmax(1e-30).maxSteps(5).minimize(WELL, new double[]{1, 2, 3});
        assertFalse(r.converged());
        assertEquals(5, r.steps());
        OptimizationResult z = new Fire().minimize(WELL, new double[]{0, 0, 0});
        assertTrue(z.converged());
        assertEquals(0, z.steps());
    }
}
