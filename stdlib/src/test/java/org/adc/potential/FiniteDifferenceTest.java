package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Forces equal −∂E/∂x by central differences (h = 1e-5 Å) and the virial equals −Σ ∂E/∂ε · (homogeneous
 * strain derivative, h = 1e-6) for every potential, on the stored reference structures.
 */
class FiniteDifferenceTest {
    static void check(String ref, Supplier<Calculator> make) throws Exception {
        Calculator c = make.get();
        Atoms a = RefData.load(ref).atoms();
        Evaluation ev = c.compute(a);
        Random rnd = new Random(42);
        double h = 1e-5;
        double maxErr = 0;
        for (int t = 0; t < 12; t++) {
            int k = rnd.nextInt(3 * a.size());
            double x0 = a.positions()[k];
            a.positions()[k] = x0 + h;
            double ep = c.compute(a).energy();
            a.positions()[k] = x0 - h;
            double em = c.compute(a).energy();
            a.positions()[k] = x0;
            double fd = -(ep - em) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - ev.forces()[k]));
        }
        // virial: W_ab = −∂E/∂ε_ab at ε = 0 for x → (1 + ε) x, cell → cell (1 + ε)
        double hs = 1e-6;
        double maxW = 0;
        for (int ab = 0; ab < 9; ab++) {
            double[] e2 = new double[2];
            for (int s = 0; s < 2; s++) {
                double eps = s == 0 ? hs : -hs;
                Atoms b = strained(a, ab / 3, ab % 3, eps);
                e2[s] = c.compute(b).energy();
            }
            double w = -(e2[0] - e2[1]) / (2 * hs);
            maxW = Math.max(maxW, Math.abs(w - ev.virial()[ab]) / a.size());
        }
        System.out.printf("%-16s FD max |dF| %.2e eV/A, virial max |dW|/N %.2e eV%n", ref, maxErr, maxW);
        assertTrue(maxErr < 1e-6, ref + " finite-difference force error " + maxErr);
        assertTrue(maxW < 1e-5, ref + " finite-difference virial error " + maxW);
    }

    /** Applies x_b → x_b + ε x_a δ... the strain component (a, b): r_b += ε r_a for positions and cell rows. */
    static Atoms strained(Atoms a, int ia, int ib, double eps) {
        double[] x = a.positions().clone();
        double[] cell = a.cell().clone();
        for (int i = 0; i < x.length; i += 3) {
            x[i + ib] += eps * a.positions()[i + ia];
        }
        for (int r = 0; r < 3; r++) {
            cell[3 * r + ib] += eps * a.cell()[3 * r + ia];
        }
        return new Atoms(a.symbols(), x, cell);
    }

    @Test
    void lennardJones() throws Exception {
        check("lj_linear", () -> new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.FORCE_SHIFTED));
        check("lj_shifted", () -> new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED));
    }

    @Test
    void morse() throws Exception {
        check("morse", () -> new Morse(0.3429, 1.3588, 2.866, 6.0, true));
    }

    @Test
    void stillingerWeber() throws Exception {
        check("sw_si", () -> new StillingerWeber("Si.sw", RefData.resource("Si.sw")));
    }

    @Test
    void tersoff() throws Exception {
        check("tersoff_si", () -> new Tersoff("Si.tersoff", RefData.resource("Si.tersoff")));
        check("tersoff_sic", () -> new Tersoff("SiC.tersoff", RefData.resource("SiC.tersoff"), "Si", "C"));
    }

    @Test
    void eam() throws Exception {
        check("eam_setfl_cuni", () -> Eam.setfl("CuNi.eam.alloy", RefData.resource("CuNi.eam.alloy")));
        check("eam_funcfl_cu", () -> Eam.funcfl(new String[] {"Cu"}, new String[] {"Cu_u3.eam"}, new java.io.Reader[] {RefData.resource("Cu_u3.eam")}));
    }

    @Test
    void emt() throws Exception {
        check("emt_mix", Emt::new);
    }
}
