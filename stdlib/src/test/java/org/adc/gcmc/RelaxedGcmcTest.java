package org.adc.gcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.potential.Atoms;
import org.adc.potential.MorseEmbedding;
import org.adc.random.StreamRng;
import org.junit.jupiter.api.Test;

/** Relaxed ("basin-hopping") GCMC of seed 004: limits of the acceptance rule, the N cap, determinism, kept structures. */
class RelaxedGcmcTest {
    static Atoms sb4() {
        double a = 4.94;
        return new Atoms(new String[] {"Sb", "Sb", "Sb", "Sb"},
            new double[] {0, 0, 0, 0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0}, new double[] {a, 0, 0, 0, a, 0, 0, 0, a});
    }

    @Test
    void veryHighMuFillsToTheCapAndVeryLowMuEmpties() {
        MorseEmbedding m = EmbeddingCalculatorTest.model();
        RelaxedGcmc hi = new RelaxedGcmc(sb4(), m, "Na", 20.0, -1.11, 298, 0, new StreamRng(1)).maxCount(6);
        for (int k = 0; k < 40; k++) {
            hi.step();
        }
        assertEquals(6, hi.count(), "every insertion is accepted at μ = +20 eV, up to the cap (failed relaxations: " + hi.failed() + ")");
        RelaxedGcmc lo = new RelaxedGcmc(hi.state(), m, "Na", -20.0, -1.11, 298, 0, new StreamRng(2));
        for (int k = 0; k < 40; k++) {
            lo.step();
        }
        assertEquals(0, lo.count(), "every removal is accepted at μ = −20 eV");
        assertEquals(4, lo.state().size(), "Sb keeps its number");
    }

    @Test
    void seededRunsAreIdenticalAndKeptStructuresCarryTheirEnergy() {
        MorseEmbedding m = EmbeddingCalculatorTest.model();
        RelaxedGcmc a = new RelaxedGcmc(sb4(), m, "Na", 0.5, -1.11, 298, 0, StreamRng.forStream(7, 3));
        RelaxedGcmc b = new RelaxedGcmc(sb4(), m, "Na", 0.5, -1.11, 298, 0, StreamRng.forStream(7, 3));
        for (int k = 0; k < 15; k++) {
            a.step();
            b.step();
        }
        assertEquals(a.count(), b.count());
        assertEquals(a.enthalpy(), b.enthalpy(), 0.0);
        for (var e : a.best().entrySet()) {
            assertEquals(a.bestEnthalpy().get(e.getKey()), m.compute(e.getValue()).energy(), 1e-9, "p = 0: H = E");
            assertTrue(a.bestEnthalpy().get(e.getKey()) <= a.enthalpy() || e.getKey() != a.count());
        }
    }

    @Test
    void badTemperatureOrPressure() {
        MorseEmbedding m = EmbeddingCalculatorTest.model();
        assertThrows(GcmcException.class, () -> new RelaxedGcmc(sb4(), m, "Na", 0, 0, 0, 0, new StreamRng(1)));
        assertThrows(GcmcException.class, () -> new RelaxedGcmc(sb4(), m, "Na", 0, 0, 298, -1, new StreamRng(1)));
    }
}
