package org.adc.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.adc.potential.Atoms;
import org.adc.potential.LennardJones;
import org.junit.jupiter.api.Test;

/**
 * Linear and IDPP initial paths: end points kept, IDPP images keep pair distances closer to the interpolated targets
 * than the linear path, and NEB from either path (FIRE or L-BFGS) reaches the same LJ vacancy barrier.
 */
class InterpolationTest {
    @Test
    void idppImprovesPairDistancesAndGivesTheSameBarrier() throws Exception {
        NebReference ref = NebReference.load("lj_vacancy");
        List<Atoms> lin = Interpolation.linear(ref.initial(), ref.fin(), 7, false);
        List<Atoms> idpp = Interpolation.idpp(ref.initial(), ref.fin(), 7, true);
        assertEquals(7, idpp.size());
        assertTrue(java.util.Arrays.equals(ref.initial().positions(), idpp.get(0).positions()));
        double[] d0 = Interpolation.pairDistances(ref.initial(), true);
        double[] d1 = Interpolation.pairDistances(ref.fin(), true);
        double[] target = new double[d0.length];
        for (int p = 0; p < target.length; p++) {
            target[p] = 0.5 * (d0[p] + d1[p]);
        }
        IdppSurface s = new IdppSurface(target, true);
        double sLin = s.compute(lin.get(3)).energy();
        double sIdpp = s.compute(idpp.get(3)).energy();
        assertTrue(sIdpp <= sLin, "IDPP objective " + sIdpp + " vs linear " + sLin);
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        NebResult a = new Neb(lj).images(7).spring(0.1).fmax(1e-4).maxSteps(3000).mic(false).run(lin);
        NebResult b = new Neb(lj).images(7).spring(0.1).fmax(1e-4).maxSteps(3000).mic(true).method(Neb.Method.IDPP).run(ref.initial(), ref.fin());
        NebResult c = new Neb(lj).images(7).spring(0.1).fmax(1e-3).maxSteps(3000).mic(false).optimizer(Neb.OptimizerKind.LBFGS)
            .run(ref.initial(), ref.fin());
        assertTrue(a.converged() && b.converged() && c.converged());
        System.out.printf("LJ vacancy barrier: linear+FIRE %.7f, IDPP+FIRE %.7f (%d vs %d steps), linear+L-BFGS %.7f (%d steps)%n",
            a.barrierImages(), b.barrierImages(), a.steps(), b.steps(), c.barrierImages(), c.steps());
        assertEquals(a.barrierImages(), b.barrierImages(), 1e-5);
        assertEquals(a.barrierImages(), c.barrierImages(), 1e-4);
    }
}
