package org.adc.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;

import org.adc.lang.Env;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.ProcedureError;
import org.adc.procedure.VirtualClock;
import org.junit.jupiter.api.Test;

/** The gas-line twin: N2 purge at 1 atm, pump-down to the 10^-3 Torr of seed 000's vacuum anneal, limits. */
class SimGasLineTest {
    private static final double TORR = 101325.0 / 760;

    private static ProcedureEngine engine() {
        return new ProcedureEngine(new VirtualClock(), Env.local(Path.of("."), new PrintStream(PrintStream.nullOutputStream())));
    }

    @Test
    void pumpsDownAndVentsWithItsTimeConstants() {
        ProcedureEngine e = engine();
        SimGasLine g = new SimGasLine("gas", 2e-3 / 60, 5e-4 * TORR);
        e.register(g);
        assertEquals(760, g.reading("pressure").value(), 1e-6);
        g.evacuate(1e-3 * TORR);
        e.waitUntil(() -> !g.busy(), 3600, "gas.evacuate");
        assertTrue(g.reading("pressure").value() <= 1e-3, g.readings().toString());
        // p - p_base falls from 760 Torr to 5e-4 Torr: t = tau * ln(760 / 5e-4) = 60 s * 14.2 = 853 s
        assertEquals(853, e.now(), 2);
        g.flow(0.2e-3 / 60);
        e.advanceTo(e.now() + 60);
        assertEquals(760, g.reading("pressure").value(), 2);
        assertEquals(0.2, g.reading("flow").value(), 1e-9);
    }

    @Test
    void limitsAreErrors() {
        ProcedureEngine e = engine();
        SimGasLine g = new SimGasLine("gas", 2e-3 / 60, 5e-4 * TORR);
        e.register(g);
        ProcedureError below = assertThrows(ProcedureError.class, () -> g.evacuate(1e-4 * TORR));
        assertTrue(below.getMessage().contains("below what the pump reaches"), below.getMessage());
        ProcedureError over = assertThrows(ProcedureError.class, () -> g.flow(5e-3 / 60));
        assertTrue(over.getMessage().contains("outside 0 .. 2 L/min"), over.getMessage());
    }
}
