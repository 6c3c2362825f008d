package org.adc.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.adc.lang.AdcList;
import org.adc.lang.Env;
import org.adc.lang.Record;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.ProcedureError;
import org.adc.procedure.VirtualClock;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

/** The furnace twin runs a controller-style ramp/dwell program in virtual time, with hold and limits. */
class SimFurnaceProgramTest {
    private static ProcedureEngine engine() {
        return new ProcedureEngine(new VirtualClock(), Env.local(Path.of("."), new PrintStream(PrintStream.nullOutputStream())));
    }

    private static AdcList program() {
        return AdcList.of(new Record(Map.of("ramp", Quantity.of(5, "degC/min"), "to", Quantity.of(450, "degC"))),
            new Record(Map.of("dwell", Quantity.of(2, "h"))),
            new Record(Map.of("ramp", Quantity.of(10, "degC/min"), "to", Quantity.of(25, "degC"))));
    }

    @Test
    void runsTheSegmentsInOrder() {
        ProcedureEngine e = engine();
        SimFurnace f = new SimFurnace("furnace", 1273.15, 20.0 / 60, 60, 600, 1273.15);
        e.register(f);
        f.program(FurnaceProgram.parse("furnace", program(), 1273.15, 20.0 / 60));
        e.advanceTo(85 * 60);
        assertEquals(450, f.reading("setpoint").value(), 1e-6, "ramp 25 -> 450 degC at 5 degC/min takes 85 min");
        e.advanceTo(85 * 60 + 7199);
        assertEquals(450, f.reading("setpoint").value(), 1e-6, "dwell 2 h");
        assertTrue(f.busy());
        e.waitUntil(() -> !f.busy(), 1e6, "furnace.program");
        // 85 min + 2 h + 42.5 min, then the lag settles within 1 K
        assertEquals(25, f.reading("setpoint").value(), 1e-6);
        assertTrue(e.now() >= (85 + 120 + 42.5) * 60 && e.now() < (85 + 120 + 42.5) * 60 + 600, "t = " + e.now());
    }

    @Test
    void holdStopsTheSetpoint() {
        ProcedureEngine e = engine();
        SimFurnace f = new SimFurnace("furnace", 1273.15, 20.0 / 60, 60, 600, 1273.15);
        e.register(f);
        f.program(FurnaceProgram.parse("furnace", program(), 1273.15, 20.0 / 60));
        e.advanceTo(600);
        f.programmer("hold");
        double sp = f.reading("setpoint").value();
        assertEquals(75, sp, 1e-6);
        e.advanceTo(1200);
        assertEquals(sp, f.reading("setpoint").value(), 1e-9);
        f.programmer("run");
        e.advanceTo(1800);
        assertEquals(125, f.reading("setpoint").value(), 1e-6);
        f.programmer("reset");
        e.advanceTo(2400);
        assertEquals(125, f.reading("setpoint").value(), 1e-6, "reset ends the program where it was");
    }

    @Test
    void segmentsAreCheckedAgainstTheLimits() {
        ProcedureError hot = assertThrows(ProcedureError.class, () -> FurnaceProgram.parse("furnace", AdcList.of(
            new Record(Map.of("ramp", Quantity.of(5, "degC/min"), "to", Quantity.of(1500, "degC")))), 1273.15, 20.0 / 60));
        assertTrue(hot.getMessage().contains("segment 1: target 1500.0 degC is above the furnace limit 1000.0 degC"), hot.getMessage());
        ProcedureError fast = assertThrows(ProcedureError.class, () -> FurnaceProgram.parse("furnace", AdcList.of(
            new Record(Map.of("dwell", Quantity.of(1, "h"))), new Record(Map.of("ramp", Quantity.of(50, "degC/min"), "to", Quantity.of(100, "degC")))),
            1273.15, 20.0 / 60));
        assertTrue(fast.getMessage().contains("segment 2: ramp rate"), fast.getMessage());
        ProcedureError bad = assertThrows(ProcedureError.class, () -> FurnaceProgram.parse("furnace", AdcList.of(
            new Record(Map.of("soak", Quantity.of(1, "h")))), 1273.15, 20.0 / 60));
        assertTrue(bad.getMessage().contains("a segment is {ramp: RATE, to: TEMPERATURE} or {dwell: DURATION}"), bad.getMessage());
    }
}
