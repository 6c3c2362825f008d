package org.adc.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.optimize.AtomsObjective;
import org.adc.optimize.Fire;
import org.adc.optimize.Lbfgs;
import org.adc.potential.Atoms;
import org.adc.potential.MullerBrown;
import org.junit.jupiter.api.Test;

/**
 * Climbing-image NEB on the Müller–Brown surface finds the two saddle points; they are checked against the
 * saddles obtained analytically (Newton iteration on the exact gradient and Hessian, |∇V| &lt; 1e-12).
 */
class MullerBrownNebTest {
    static Atoms point(double x, double y) {
        return new Atoms(new String[] {"X"}, new double[] {x, y, 0}, new double[] {10, 0, 0, 0, 10, 0, 0, 0, 10},
            new boolean[] {false, false, false});
    }

    /** Newton's method on ∇V = 0 (converges to the nearby stationary point). */
    static double[] newton(double x, double y) {
        for (int it = 0; it < 100; it++) {
            double[] v = MullerBrown.value(x, y);
            double[] h = MullerBrown.hessian(x, y);
            double det = h[0] * h[2] - h[1] * h[1];
            double dx = (h[2] * v[1] - h[1] * v[2]) / det;
            double dy = (-h[1] * v[1] + h[0] * v[2]) / det;
            x -= dx;
            y -= dy;
            if (Math.hypot(v[1], v[2]) < 1e-12) {
                break;
            }
        }
        return new double[] {x, y, MullerBrown.value(x, y)[0]};
    }

    static Atoms minimum(double x, double y, boolean lbfgs) {
        Atoms a = point(x, y);
        var opt = lbfgs ? new Lbfgs().initialInverseHessian(1e-3) : new Fire();
        var r = AtomsObjective.relax(a, new MullerBrown(), opt.fmax(1e-8).maxStep(0.05).maxSteps(5000));
        assertTrue(r.converged(), "minimisation converged");
        return a;
    }

    @Test
    void minimaFromFireAndLbfgs() {
        double[] exact = newton(-0.558, 1.442);
        for (boolean lb : new boolean[] {false, true}) {
            Atoms a = minimum(-0.3, 1.2, lb);
            assertEquals(exact[0], a.positions()[0], 1e-8);
            assertEquals(exact[1], a.positions()[1], 1e-8);
        }
        assertEquals(-146.69951720995402, exact[2], 1e-9);
    }

    @Test
    void saddlesOfMullerBrown() {
        Atoms ma = minimum(-0.558, 1.442, false);
        Atoms mb = minimum(-0.050, 0.467, false);
        Atoms mc = minimum(0.623, 0.028, false);
        double[][] cases = {{-0.822, 0.624}, {0.212, 0.293}};
        Atoms[][] ends = {{ma, mb}, {mb, mc}};
        for (int c = 0; c < 2; c++) {
            double[] s = newton(cases[c][0], cases[c][1]);
            NebResult r = new Neb(new MullerBrown()).images(11).spring(50).climb(true).fmax(1e-4).maxStep(0.02).maxSteps(20000)
                .mic(false).run(ends[c][0], ends[c][1]);
            assertTrue(r.converged(), "NEB converged");
            double[] x = r.saddle().positions();
            double eSaddle = r.energies()[r.climbingImage()];
            System.out.printf("Muller-Brown saddle %d: NEB (%.6f, %.6f) E=%.6f; analytic (%.6f, %.6f) E=%.6f; spline barrier %.6f%n",
                c, x[0], x[1], eSaddle, s[0], s[1], s[2], r.barrier());
            assertEquals(s[2], eSaddle, 1e-4);
            assertEquals(s[0], x[0], 1e-3);
            assertEquals(s[1], x[1], 1e-3);
            assertEquals(s[2] - r.energies()[0], r.barrier(), 1e-3);
        }
    }

    @Test
    void parallelAndSerialBandsAreIdentical() {
        Atoms ma = minimum(-0.558, 1.442, false);
        Atoms mb = minimum(-0.050, 0.467, false);
        NebResult p = new Neb(new MullerBrown()).images(7).spring(50).fmax(1e-3).maxStep(0.02).mic(false).parallel(true).run(ma, mb);
        NebResult s = new Neb(new MullerBrown()).images(7).spring(50).fmax(1e-3).maxStep(0.02).mic(false).parallel(false).run(ma, mb);
        assertTrue(java.util.Arrays.equals(p.energies(), s.energies()));
        assertEquals(p.steps(), s.steps());
    }

    /** Per-segment spring constants: equal values reproduce the single constant; stiffer springs pull images together. */
    @Test
    void perSegmentSpringConstants() {
        Atoms ma = minimum(-0.558, 1.442, false);
        Atoms mb = minimum(-0.050, 0.467, false);
        NebResult one = new Neb(new MullerBrown()).images(7).spring(50).climb(false).fmax(1e-3).maxStep(0.02).mic(false).run(ma, mb);
        NebResult same = new Neb(new MullerBrown()).images(7).springs(new double[] {50, 50, 50, 50, 50, 50}).climb(false).fmax(1e-3)
            .maxStep(0.02).mic(false).run(ma, mb);
        assertTrue(java.util.Arrays.equals(one.energies(), same.energies()), "equal per-segment springs = one spring constant");
        NebResult stiffStart = new Neb(new MullerBrown()).images(7).springs(new double[] {200, 200, 50, 50, 50, 50}).climb(false).fmax(1e-3)
            .maxStep(0.02).mic(false).maxSteps(20000).run(ma, mb);
        assertTrue(stiffStart.converged());
        double[] s1 = one.reactionCoordinate(), s2 = stiffStart.reactionCoordinate();
        // with k1 = k2 = 4 k_rest at convergence along the path, the first two segments are shorter than the rest
        assertTrue(s2[2] - s2[0] < s1[2] - s1[0], "stiffer first springs shorten the first segments: " + (s2[2] - s2[0]) + " vs " + (s1[2] - s1[0]));
    }

    @Test
    void nonConvergenceIsExplicit() {
        Atoms ma = minimum(-0.558, 1.442, false);
        Atoms mb = minimum(-0.050, 0.467, false);
        NebResult r = new Neb(new MullerBrown()).images(7).spring(50).fmax(1e-6).maxSteps(5).mic(false).run(ma, mb);
        assertTrue(!r.converged());
        assertTrue(r.maxForce() > 1e-6);
    }
}
