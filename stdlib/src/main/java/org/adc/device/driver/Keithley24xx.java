package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.procedure.ProcedureError;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Keithley 2400 or 2450 SourceMeter sourcing voltage and measuring current, over RS-232 SCPI.
 * Script API declared once for twin and driver in {@link org.adc.device.kind.SourceMeasureUnit}: readings
 * {@code voltage} (V), {@code current} (µA), {@code charge} (C, ∫ I dt over the polls while the output is on),
 * {@code peak_current} (µA, largest |I| read); operations {@code apply(voltage, compliance)}, {@code off()},
 * {@code reset_charge()}.
 *
 * <p>What is sent (2400: Series 2400 User's Manual, sections "SOURce subsystem", "SENSe1
 * subsystem", "OUTPut subsystem", "FORMat subsystem"; 2450: Model 2450 Reference Manual, "SOURce
 * subsystem", "SENSe1 subsystem", "OUTPut subsystem", "READ?"):
 * <ul>
 * <li>connect: {@code *IDN?} (must name KEITHLEY and the model), {@code :SYST:ERR?} until it
 *     reports 0 (stale entries recorded), {@code *CLS}, {@code :OUTP OFF},
 *     {@code :SOUR:FUNC VOLT}, {@code :SENS:FUNC "CURR"}, {@code :SENS:CURR:RANG:AUTO ON};
 *     2400 only: {@code :SOUR:VOLT:MODE FIXED}, {@code :FORM:ELEM VOLT,CURR} and
 *     {@code :SOUR:CLE:AUTO OFF} (auto output-off disabled, so a read never toggles the output);
 *     then {@code :SYST:ERR?}.</li>
 * <li>apply: compliance first, 2400 {@code :SENS:CURR:PROT <A>}, 2450 {@code :SOUR:VOLT:ILIM <A>};
 *     then {@code :SOUR:VOLT <V>}, {@code :OUTP ON}, {@code :SYST:ERR?}.</li>
 * <li>poll, only while the output is on: 2400 {@code :READ?} (reply "V,A" per FORM:ELEM),
 *     2450 {@code :READ? "defbuffer1",SOUR,READ}; then the compliance flag, 2400
 *     {@code :SENS:CURR:PROT:TRIP?}, 2450 {@code :SOUR:VOLT:ILIM:TRIP?}.
 *     While the output is off nothing is read: on the 2400 {@code :READ?} and {@code :MEAS?} switch
 *     the output on (with auto output-off, or MEAS's implicit configure), which must not happen
 *     behind the recipe's back; the driver never sends {@code :MEAS?}.</li>
 * <li>safe state: {@code :OUTP OFF} and {@code :OUTP?} in one exchange (the reply must be 0, so a
 *     reconnect repeats both until the instrument confirms), then {@code :SOUR:VOLT 0}.</li>
 * </ul>
 * After a reconnect the same sequence runs again ({@code *IDN?} must give the same answer as at
 * connect) and the output the recipe had set is applied again (compliance, voltage, output on).
 * Numbers are sent in their shortest exact decimal form ({@link #num}: 100 µA as {@code 0.0001}).
 * A compliance trip is an event; with {@code on_compliance = abort} (the default) it also stops the
 * run. The 2400's overflow value 9.91e37 and any value beyond ±210 V / ±1.05 A is an error.
 */
public final class Keithley24xx extends ScpiDevice implements org.adc.device.kind.SourceMeasureUnit {
    private static final org.adc.units.Unit VOLT = Units.parse("V");
    private static final org.adc.units.Unit MICROAMP = Units.parse("uA");
    private static final org.adc.units.Unit COULOMB = Units.parse("C");
    private final String model;
    private final double maxVoltage;
    private final double maxCurrent;
    private final boolean abortOnCompliance;
    private boolean on;
    private double setVoltage;
    private double compliance;
    private double voltage;
    private double current;
    private double charge;
    private double peak;
    private double lastPoll = Double.NaN;
    private boolean tripped;

    /**
     * @param model "2400" or "2450"; @param maxVoltage V; @param maxCurrent A (limits of the lab);
     * @param abortOnCompliance whether a compliance trip stops the run
     */
    public Keithley24xx(String name, Link link, double pollEvery, String model, double maxVoltage, double maxCurrent, boolean abortOnCompliance) {
        super(name, link, pollEvery);
        if (!model.equals("2400") && !model.equals("2450")) {
            throw new IllegalArgumentException("model " + model + " must be 2400 or 2450");
        }
        this.model = model;
        this.maxVoltage = maxVoltage;
        this.maxCurrent = maxCurrent;
        this.abortOnCompliance = abortOnCompliance;
    }

    private boolean is2400() {
        return model.equals("2400");
    }

    @Override
    public String kind() {
        return "source-measure unit";
    }

    @Override
    protected String identify() {
        String idn = query("*IDN?");
        String u = idn.toUpperCase();
        if (!u.contains("KEITHLEY") || !u.contains(model)) {
            throw Replies.bad(name, "*IDN?", idn, "does not name a Keithley " + model);
        }
        return idn.strip();
    }

    @Override
    protected void configure() {
        send(":OUTP OFF");
        on = false;
        send(":SOUR:FUNC VOLT");
        send(":SENS:FUNC \"CURR\"");
        send(":SENS:CURR:RANG:AUTO ON");
        if (is2400()) {
            send(":SOUR:VOLT:MODE FIXED");
            send(":FORM:ELEM VOLT,CURR");
            send(":SOUR:CLE:AUTO OFF");
        }
        checkErrors();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("output", query(":OUTP?").strip());
        m.put("source_function", query(":SOUR:FUNC?").strip());
        m.put("source_voltage_V", query(":SOUR:VOLT?").strip());
        m.put("compliance_A", query(is2400() ? ":SENS:CURR:PROT?" : ":SOUR:VOLT:ILIM?").strip());
        return m;
    }

    /** Sources {@code v} volts with a current compliance of {@code complianceA} amperes and switches the output on. */
    @Override
    public void apply(double v, double complianceA) {
        if (Math.abs(v) > maxVoltage) {
            throw new ProcedureError(name + ": " + v + " V is above the instrument limit " + maxVoltage + " V", "lower the voltage");
        }
        if (complianceA <= 0 || complianceA > maxCurrent) {
            throw new ProcedureError(name + ": compliance " + complianceA + " A is outside (0, " + maxCurrent + " A]",
                "choose a compliance up to max_current in the lab file");
        }
        // the intended state first: a reconnect in the middle re-applies all of it (HardwareDevice), not the old one
        setVoltage = v;
        compliance = complianceA;
        on = true;
        tripped = false;
        send((is2400() ? ":SENS:CURR:PROT " : ":SOUR:VOLT:ILIM ") + num(complianceA));
        send(":SOUR:VOLT " + num(v));
        send(":OUTP ON");
        checkErrors();
        lastPoll = engine == null ? Double.NaN : engine.now();
        event("output", name + " on at " + v + " V, compliance " + complianceA + " A");
    }

    @Override
    protected void poll(double t) {
        if (!on) {
            voltage = 0;
            current = 0;
            lastPoll = t;
            return;
        }
        String cmd = is2400() ? ":READ?" : ":READ? \"defbuffer1\",SOUR,READ";
        String r = queryNumbers(cmd, 2);
        double[] vi = Replies.numbers(name, cmd, r, 2);
        Replies.range(name, cmd, r, vi[0], -210, 210);
        Replies.range(name, cmd, r, vi[1], -1.05, 1.05);
        if (!Double.isNaN(lastPoll) && t > lastPoll) {
            charge += vi[1] * (t - lastPoll);
        }
        lastPoll = t;
        voltage = vi[0];
        current = vi[1];
        peak = Math.max(peak, Math.abs(current));
        markFresh();
        String tripCmd = is2400() ? ":SENS:CURR:PROT:TRIP?" : ":SOUR:VOLT:ILIM:TRIP?";
        double trip = number(tripCmd, 0, 1);
        if (trip == 1 && !tripped) {
            tripped = true;
            event("compliance", name + " reached its compliance " + compliance + " A (I = " + current + " A)");
            if (abortOnCompliance) {
                throw new ProcedureError(name + ": compliance trip: the current reached the " + compliance + " A limit at "
                    + voltage + " V", "check the cell for a short; the output was switched off (on_compliance = abort in the lab file)");
            }
        }
    }

    @Override
    public double[] saveState() {
        return new double[]{on ? 1 : 0, setVoltage, compliance, charge, peak};
    }

    @Override
    public void restoreState(double[] s) {
        on = s[0] != 0;
        setVoltage = s[1];
        compliance = s[2];
        charge = s[3];
        peak = s.length > 4 ? s[4] : 0;
    }

    /** After a crash the output may be off (power loss) or still on: either way it is set again as the journal says. */
    @Override
    public void resumeLive() {
        if (on) {
            apply(setVoltage, compliance);
        }
    }

    @Override
    public String safeStateText() {
        return "output OFF (confirmed)";
    }

    @Override
    public java.util.List<String> outputsToRestore() {
        return on ? java.util.List.of(name + ": output ON at " + setVoltage + " V, compliance " + compliance + " A") : java.util.List.of();
    }

    @Override
    protected void commandSafe() {
        String r = link.call("safe state (:OUTP OFF)", () -> {
            Transport t = transport();
            t.drain();
            t.writeLine(":OUTP OFF");
            t.writeLine(":OUTP?");
            return t.readLine();
        });
        if (!r.strip().equals("0")) {
            throw Replies.bad(name, ":OUTP?", r, "should be 0 after :OUTP OFF: the output may still be on");
        }
        send(":SOUR:VOLT 0");
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
        return m;
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_voltage", Quantity.of(maxVoltage, "V"));
        m.put("max_current", Quantity.of(maxCurrent, "A"));
        return m;
    }

    /** Set voltage, V (0 while off). */
    public double setVoltage() {
        return on ? setVoltage : 0;
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
