package org.adc.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureError;
import org.adc.units.Quantity;

/**
 * Digital twin of a source-measure unit (Keithley 2400/2450 style) sourcing voltage into a
 * {@link CellLoad} whose temperature is that of a furnace. The current is limited to the
 * compliance; the first compliance hit is recorded as an event. The charge ∫ I dt is integrated
 * while the output is on (trapezoid-free rectangle rule on the engine's step, ≤ 1 s).
 * Safe state: output off.
 */
public final class SimSourceMeter extends Device implements org.adc.device.kind.SourceMeasureUnit {
    private static final org.adc.units.Unit VOLT = org.adc.units.Units.parse("V");
    private static final org.adc.units.Unit MICROAMP = org.adc.units.Units.parse("uA");
    private static final org.adc.units.Unit COULOMB = org.adc.units.Units.parse("C");
    private final double maxVoltage;
    private final double maxCurrent;
    private final CellLoad load;
    private final SimFurnace furnace;
    private boolean on;
    private double voltage;
    private double compliance;
    private double current;
    private double charge;
    private double peak;
    private boolean tripped;

    /** @param maxVoltage V; @param maxCurrent A; @param furnace whose temperature the load sees (or null: 298.15 K) */
    public SimSourceMeter(String name, double maxVoltage, double maxCurrent, CellLoad load, SimFurnace furnace) {
        super(name);
        this.maxVoltage = maxVoltage;
        this.maxCurrent = maxCurrent;
        this.load = load;
        this.furnace = furnace;
    }

    @Override
    public String kind() {
        return "source-measure unit";
    }

    @Override
    public void apply(double v, double complianceA) {
        if (Math.abs(v) > maxVoltage) {
            throw new ProcedureError(name + ": " + v + " V is above the instrument limit " + maxVoltage + " V", "lower the voltage");
        }
        if (complianceA <= 0 || complianceA > maxCurrent) {
            throw new ProcedureError(name + ": compliance " + complianceA + " A is outside (0, " + maxCurrent + " A]",
                "choose a compliance up to the instrument's max_current");
        }
        voltage = v;
        compliance = complianceA;
        on = true;
        engine().event("output", name + " on at " + v + " V, compliance " + complianceA + " A");
    }

    private org.adc.procedure.ProcedureEngine engine() {
        return engine;
    }

    @Override
    public void step(double t, double dt) {
        if (!on) {
            current = 0;
            return;
        }
        double temp = furnace == null ? 298.15 : furnace.temperatureK();
        double i = load.current(voltage, temp, dt);
        if (Math.abs(i) > compliance) {
            i = Math.signum(i) * compliance;
            if (!tripped) {
                tripped = true;
                engine.event("compliance", name + " reached its compliance " + compliance + " A");
            }
        }
        current = i;
        charge += i * dt;
        peak = Math.max(peak, Math.abs(i));
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("voltage", Quantity.ofSi(on ? voltage : 0, VOLT));
        m.put("current", Quantity.ofSi(current, MICROAMP));
        m.put("charge", Quantity.ofSi(charge, COULOMB));
        m.put("peak_current", Quantity.ofSi(peak, MICROAMP));
        return m;
    }

    @Override
    public Quantity reading(String n) {
        switch (n) {
            case "voltage": return Quantity.ofSi(on ? voltage : 0, VOLT);
            case "current": return Quantity.ofSi(current, MICROAMP);
            case "charge": return Quantity.ofSi(charge, COULOMB);
            case "peak_current": return Quantity.ofSi(peak, MICROAMP);
            default: return null;
        }
    }

    @Override
    public int readingCount() {
        return 4;
    }

    @Override
    public void sample(double[] out, int at) {
        out[at] = on ? voltage : 0;
        out[at + 1] = current * 1e6;
        out[at + 2] = charge;
        out[at + 3] = peak * 1e6;
    }

    @Override
    public double[] saveState() {
        double[] l = load.state();
        double[] s = new double[7 + l.length];
        s[0] = on ? 1 : 0;
        s[1] = voltage;
        s[2] = compliance;
        s[3] = current;
        s[4] = charge;
        s[5] = peak;
        s[6] = tripped ? 1 : 0;
        System.arraycopy(l, 0, s, 7, l.length);
        return s;
    }

    @Override
    public void restoreState(double[] s) {
        on = s[0] != 0;
        voltage = s[1];
        compliance = s[2];
        current = s[3];
        charge = s[4];
        peak = s[5];
        tripped = s[6] != 0;
        if (s.length > 7) {
            load.restore(java.util.Arrays.copyOfRange(s, 7, s.length));
        }
    }

    @Override
    public void goSafe() {
        if (on) {
            on = false;
            current = 0;
            if (engine != null) {
                engine.event("output", name + " off");
            }
        }
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_voltage", Quantity.of(maxVoltage, "V"));
        m.put("max_current", Quantity.of(maxCurrent, "A"));
        return m;
    }

    @Override
    public void resetCharge() {
        charge = 0;
        peak = 0;
    }

    /** Operations as declared once for the kind ({@link org.adc.device.kind.SourceMeasureUnit#KIND}). */
    @Override
    protected List<NativeFunction> operations() {
        return KIND.bind(this);
    }

}
