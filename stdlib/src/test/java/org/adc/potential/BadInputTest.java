package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.stream.Collectors;

import org.adc.optimize.AtomsObjective;
import org.adc.optimize.Fire;
import org.adc.optimize.Lbfgs;
import org.junit.jupiter.api.Test;

/** Malformed potential files name the file and line; too-close atoms and NaN forces are reported. */
class BadInputTest {
    static String text(String res) throws Exception {
        try (BufferedReader r = new BufferedReader(RefData.resource(res))) {
            return r.lines().collect(Collectors.joining("\n"));
        }
    }

    @Test
    void swWrongColumnCount() {
        String sw = "# test\nSi Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333\n"
            + "         7.049556277 0.6022245584 4.0 0.0\nSi Si Ge 1 1 1 1 1 1 1 1 1 1 1\n";
        PotentialFileException e = assertThrows(PotentialFileException.class, () -> new StillingerWeber("bad.sw", new StringReader(sw)));
        assertEquals("bad.sw", e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("bad.sw:4: "), e.getMessage());
    }

    @Test
    void swNotANumber() {
        String sw = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333\n 7.049556277 0.6022245584 4.0 zero 0.0\n";
        PotentialFileException e = assertThrows(PotentialFileException.class, () -> new StillingerWeber("x.sw", new StringReader(sw)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'zero'") && e.getMessage().contains("q of Si Si Si"), e.getMessage());
    }

    @Test
    void missingElement() throws Exception {
        String si = text("Si.sw");
        PotentialFileException e = assertThrows(PotentialFileException.class,
            () -> new StillingerWeber("Si.sw", new StringReader(si), "Si", "Ge"));
        assertTrue(e.getMessage().contains("no entry for Si Si Ge"), e.getMessage());
        String t = text("Si.tersoff");
        assertThrows(PotentialFileException.class, () -> new Tersoff("Si.tersoff", new StringReader(t), "Si", "C"));
    }

    @Test
    void eamTruncatedAndBadNumber() throws Exception {
        String full = text("CuNi.eam.alloy");
        String[] lines = full.split("\n");
        String cut = String.join("\n", java.util.Arrays.copyOf(lines, 200));
        PotentialFileException e = assertThrows(PotentialFileException.class, () -> Eam.setfl("CuNi.eam.alloy", new StringReader(cut)));
        assertTrue(e.getMessage().contains("file ends inside the table"), e.getMessage());
        lines[20] = lines[20].replaceFirst("\\S+", "1.0x");
        String bad = String.join("\n", lines);
        PotentialFileException e2 = assertThrows(PotentialFileException.class, () -> Eam.setfl("CuNi.eam.alloy", new StringReader(bad)));
        assertEquals(21, e2.line());
        String fl = text("Cu_u3.eam").replaceFirst("500  5.0100200400801306e-04  500", "500  5.0100200400801306e-04");
        PotentialFileException e3 = assertThrows(PotentialFileException.class,
            () -> Eam.funcfl(new String[] {"Cu"}, new String[] {"Cu_u3.eam"}, new java.io.Reader[] {new StringReader(fl)}));
        assertEquals(3, e3.line());
        PotentialFileException e4 = assertThrows(PotentialFileException.class,
            () -> Eam.setfl("CuNi.eam.alloy", new StringReader(full), "Cu", "Al"));
        assertTrue(e4.getMessage().contains("element Al is not in the file"), e4.getMessage());
    }

    @Test
    void tooCloseAtomsAreReportedBeforeOptimising() throws Exception {
        Calculator sw = new StillingerWeber("Si.sw", RefData.resource("Si.sw"));
        Atoms a = new Atoms(new String[] {"Si", "Si", "Si"}, new double[] {0, 0, 0, 0.6, 0, 0, 3, 3, 3},
            new double[] {10, 0, 0, 0, 10, 0, 0, 0, 10});
        SimulationException e = assertThrows(SimulationException.class, () -> AtomsObjective.relax(a, sw, new Fire()));
        assertEquals(-1, e.step());
        assertTrue(e.getMessage().contains("atoms 0 (Si) and 1 (Si) are 0.6000 Å apart"), e.getMessage());
        // periodic image closer than allowed
        Atoms b = new Atoms(new String[] {"Si"}, new double[] {0, 0, 0}, new double[] {0.9, 0, 0, 0, 10, 0, 0, 0, 10});
        assertThrows(SimulationException.class, () -> AtomsObjective.relax(b, sw, new Lbfgs()));
    }

    @Test
    void nanForcesStopWithStepAndAtom() {
        LennardJones lj = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        Calculator broken = new Calculator() {
            int calls;

            @Override
            public Evaluation compute(Atoms atoms) {
                Evaluation ev = lj.compute(atoms);
                if (++calls > 3) {
                    ev.forces()[3 * 2 + 1] = Double.NaN;
                }
                return ev;
            }

            @Override
            public double cutoff() {
                return 8.5;
            }

            @Override
            public double minDistance(String x, String y) {
                return 1;
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        Atoms a = new Atoms(new String[] {"Ar", "Ar", "Ar"}, new double[] {0, 0, 0, 3.5, 0, 0, 0, 3.6, 0},
            new double[] {20, 0, 0, 0, 20, 0, 0, 0, 20});
        SimulationException e = assertThrows(SimulationException.class, () -> AtomsObjective.relax(a, broken, new Fire().fmax(1e-6)));
        assertEquals(3, e.step());
        assertEquals(2, e.atom());
        assertTrue(e.getMessage().contains("force on atom 2 is NaN at step 3"), e.getMessage());
    }
}
