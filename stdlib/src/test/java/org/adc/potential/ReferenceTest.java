package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Energies, forces and virials equal LAMMPS (LJ, Morse, SW, Tersoff, EAM) and ASE (EMT) on identical
 * structures: |ΔE|/N ≤ 1e-8 eV/atom, |ΔF| ≤ 1e-6 eV/Å, |ΔW|/N ≤ 1e-6 eV/atom.
 */
class ReferenceTest {
    static double[] check(String name, Calculator calc) throws Exception {
        RefData ref = RefData.load(name);
        Evaluation ev = calc.compute(ref.atoms());
        int n = ref.atoms().size();
        double de = Math.abs(ev.energy() - ref.energy()) / n;
        double df = 0;
        for (int k = 0; k < 3 * n; k++) {
            df = Math.max(df, Math.abs(ev.forces()[k] - ref.forces()[k]));
        }
        double dw = 0;
        for (int k = 0; k < 9; k++) {
            dw = Math.max(dw, Math.abs(ev.virial()[k] - ref.virial()[k]) / n);
        }
        System.out.printf("%-16s dE/N %.2e eV  max dF %.2e eV/A  max dW/N %.2e eV%n", name, de, df, dw);
        assertTrue(de <= 1e-8, name + " energy per atom differs by " + de);
        assertTrue(df <= 1e-6, name + " force differs by " + df);
        assertTrue(dw <= 1e-6, name + " virial per atom differs by " + dw);
        return new double[] {de, df, dw};
    }

    @Test
    void ljCut() throws Exception {
        check("lj_cut", new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.CUT));
    }

    @Test
    void ljShifted() throws Exception {
        check("lj_shifted", new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED));
    }

    @Test
    void ljLinear() throws Exception {
        check("lj_linear", new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.FORCE_SHIFTED));
    }

    @Test
    void morse() throws Exception {
        check("morse", new Morse(0.3429, 1.3588, 2.866, 6.0, false));
    }

    @Test
    void stillingerWeber() throws Exception {
        check("sw_si", new StillingerWeber("Si.sw", RefData.resource("Si.sw"), "Si"));
    }

    @Test
    void tersoffSi() throws Exception {
        check("tersoff_si", new Tersoff("Si.tersoff", RefData.resource("Si.tersoff"), "Si"));
    }

    @Test
    void tersoffSiC() throws Exception {
        check("tersoff_sic", new Tersoff("SiC.tersoff", RefData.resource("SiC.tersoff"), "Si", "C"));
    }

    @Test
    void eamFuncfl() throws Exception {
        check("eam_funcfl_cu", Eam.funcfl(new String[] {"Cu"}, new String[] {"Cu_u3.eam"}, new java.io.Reader[] {RefData.resource("Cu_u3.eam")}));
    }

    @Test
    void eamSetfl() throws Exception {
        check("eam_setfl_cuni", Eam.setfl("CuNi.eam.alloy", RefData.resource("CuNi.eam.alloy"), "Ni", "Cu"));
    }

    @Test
    void emtCu() throws Exception {
        check("emt_cu", new Emt());
    }

    @Test
    void emtMixture() throws Exception {
        check("emt_mix", new Emt());
    }
}
