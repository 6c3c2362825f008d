package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.procedure.ProcedureError;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * A DC power supply used like a source-measure unit: {@code apply(voltage, compliance)} sets the
 * voltage and the current limit and switches the output on; readings {@code voltage} (V),
 * {@code current} (µA), {@code charge} (C, ∫ I dt between polls while on), {@code peak_current} (µA), as declared
 * once in {@link org.adc.device.kind.PowerSupply}. Subclasses say how each
 * step is spoken (SCPI for Keysight E36xx, the Genesys language for TDK-Lambda).
 */
public abstract class SupplyDevice extends ScpiDevice implements org.adc.device.kind.PowerSupply {
    private static final org.adc.units.Unit VOLT = Units.parse("V");
    private static final org.adc.units.Unit MICROAMP = Units.parse("uA");
    private static final org.adc.units.Unit COULOMB = Units.parse("C");
    protected final double maxVoltage;
    protected final double maxCurrent;
    protected boolean on;
    private double voltage;
    private double current;
    private double charge;
    private double peak;
    private double setV;
    private double setLimit;
    private double lastPoll = Double.NaN;
    private HeaterCalibration calibration;
    private static final org.adc.units.Unit WATT = Units.parse("W");
    private static final org.adc.units.Unit DEGC = Units.parse("degC");

    /** @param maxVoltage V; @param maxCurrent A (lab limits, also the plausible range of replies) */
    protected SupplyDevice(String name, Link link, double pollEvery, double maxVoltage, double maxCurrent) {
        super(name, link, pollEvery);
        this.maxVoltage = maxVoltage;
        this.maxCurrent = maxCurrent;
    }

    /**
     * Declares the load a heater with this power → temperature calibration: the readings gain
     * {@code power} (W, measured V × I) and {@code temperature} (°C, estimated from the power).
     */
    public void setCalibration(HeaterCalibration c) {
        this.calibration = c;
    }

    @Override
    public String kind() {
        return "DC power supply";
    }

    /** Sends voltage (V), current limit (A) and output on. */
    protected abstract void sendApply(double v, double limitA);

    /** Reads measured voltage (V) and current (A). */
    protected abstract double[] measure();

    /** Sends output off and voltage 0. */
    protected abstract void sendOff();

    /** Sets the output (limits checked first). */
    @Override
    public void apply(double v, double limitA) {
        if (v < 0 || v > maxVoltage) {
            throw new ProcedureError(name + ": " + v + " V is outside 0 .. " + maxVoltage + " V", "lower the voltage");
        }
        if (limitA <= 0 || limitA > maxCurrent) {
            throw new ProcedureError(name + ": current limit " + limitA + " A is outside (0, " + maxCurrent + " A]",
                "choose a limit up to max_current in the lab file");
        }
        // the intended state first: a reconnect in the middle re-applies all of it (HardwareDevice), not the old one
        on = true;
        setV = v;
        setLimit = limitA;
        sendApply(v, limitA);
        lastPoll = engine == null ? Double.NaN : engine.now();
        event("output", name + " on at " + v + " V, current limit " + limitA + " A");
    }

    @Override
    protected void poll(double t) {
        if (!on) {
            voltage = 0;
            current = 0;
            lastPoll = t;
            return;
        }
        double[] vi = measure();
        if (!Double.isNaN(lastPoll) && t > lastPoll) {
            charge += vi[1] * (t - lastPoll);
        }
        lastPoll = t;
        voltage = vi[0];
        current = vi[1];
        peak = Math.max(peak, Math.abs(current));
    }

    @Override
    public double[] saveState() {
        return new double[]{on ? 1 : 0, setV, setLimit, charge, peak};
    }

    @Override
    public void restoreState(double[] s) {
        on = s[0] != 0;
        setV = s[1];
        setLimit = s[2];
        charge = s[3];
        peak = s.length > 4 ? s[4] : 0;
    }

    @Override
    public void resumeLive() {
        if (on) {
            apply(setV, setLimit);
        }
    }

    @Override
    protected void commandSafe() {
        sendOff();
        if (on) {
            on = false;
            event("output", name + " off");
        }
        voltage = 0;
        current = 0;
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("voltage", Quantity.ofSi(voltage, VOLT));
        m.put("current", Quantity.ofSi(current, MICROAMP));
        m.put("charge", Quantity.ofSi(charge, COULOMB));
        m.put("peak_current", Quantity.ofSi(peak, MICROAMP));
        if (calibration != null) {
            double p = Math.max(0, voltage * current);
            m.put("power", Quantity.ofSi(p, WATT));
            m.put("temperature", Quantity.of(calibration.temperature(p), DEGC));
        }
        return m;
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

    /** Operations as declared once for the kind ({@link org.adc.device.kind.PowerSupply#KIND}). */
    @Override
    protected List<NativeFunction> operations() {
        return KIND.bind(this);
    }
}
