package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.procedure.ProcedureError;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Eurotherm 3200 or 2400 series temperature controller over Modbus RTU (j2mod), used as a
 * furnace: readings {@code temperature} (°C, process value), {@code setpoint} (°C, working
 * setpoint), {@code power} (W: working output % × the heater's rated power); operations
 * {@code ramp(to, rate)} (the controller ramps its own setpoint with its setpoint rate limit) and
 * {@code off()}.
 *
 * <p>Register map (parameter numbers from the 2400 series and 3200 series communications manuals,
 * "Modbus addresses" / "Parameter tables"; the same numbers on both series):
 * <pre>
 *   param  name                      access
 *   1      PV   process variable      read
 *   2      TgtSP target setpoint     write
 *   3      OP   working output, %    read
 *   5      WSP  working setpoint      read
 *   35     SPrr setpoint rate limit   write (display units per minute; 0 = off)
 *   122    instrument identifier      read (e.g. 0x3200 family; recorded as identity)
 * </pre>
 * In {@link RegisterFormat#FLOAT} format (the default) parameter n is read at 0x8000 + 2n as an
 * IEEE float pair, full precision; in scaled format at n as a 16-bit integer with the configured
 * number of decimals (the controller's display resolution). The controller's display unit must be
 * °C. adc's own ramp and hold statements send one segment at a time through TgtSP and SPrr;
 * {@code program([...])} instead writes a ramp/dwell program into the controller's programmer
 * (register map: {@link EurothermProgrammer}) and runs it there, and {@code programmer("hold")},
 * {@code ("run")}, {@code ("reset")} hold, continue or reset it.
 *
 * <p>Safe state: setpoint rate limit set to the safe rate, target setpoint to the safe setpoint
 * (default 25 °C), so the controller ramps down under control. A process value outside
 * −50 .. 1800 °C (sensor break) is an error.
 */
public final class Eurotherm extends HardwareDevice implements org.adc.procedure.Holdback {
    /** Parameter numbers. */
    public static final int PV = 1, TARGET_SP = 2, OUTPUT = 3, WORKING_SP = 5, RATE = 35, IDENT = 122;
    private static final org.adc.units.Unit DEGC = Units.parse("degC");
    private static final org.adc.units.Unit WATT = Units.parse("W");
    private final int unit;
    private final RegisterFormat fmt;
    private final double maxTemperature;
    private final double maxRate;
    private final double safeSetpoint;
    private final double safeRate;
    private final double heaterPower;
    private double pv;
    private double wsp;
    private double out;
    private double target = Double.NaN;
    private double rate = Double.NaN;
    private EurothermProgrammer programmer = EurothermProgrammer.DEFAULT;
    private boolean programActive;

    /**
     * @param unit Modbus slave address; @param fmt register format; @param maxTemperature °C;
     * @param maxRate °C/min; @param safeSetpoint °C; @param safeRate °C/min; @param heaterPower W at 100 % output
     */
    public Eurotherm(String name, Link link, double pollEvery, int unit, RegisterFormat fmt, double maxTemperature, double maxRate,
                     double safeSetpoint, double safeRate, double heaterPower) {
        super(name, link, pollEvery);
        this.unit = unit;
        this.fmt = fmt;
        this.maxTemperature = maxTemperature;
        this.maxRate = maxRate;
        this.safeSetpoint = safeSetpoint;
        this.safeRate = Math.min(safeRate, maxRate);
        this.heaterPower = heaterPower;
    }

    /** Sets where the controller keeps its programmer (lab file {@code programmer:}). */
    public Eurotherm withProgrammer(EurothermProgrammer p) {
        this.programmer = p;
        return this;
    }

    private ModbusClient bus() {
        return (ModbusClient) link.channel();
    }

    private double read(int param, String what) {
        int[] r = link.call("reading " + what, () -> bus().readHolding(unit, fmt.address(param), fmt.width()));
        return fmt.decode(r, 0);
    }

    private void write(int param, double v, String what) {
        int[] raw;
        try {
            raw = fmt.encode(v);
        } catch (IllegalArgumentException e) {
            throw new ProcedureError(name + ": " + what + " " + e.getMessage(), "use the float register format");
        }
        link.run("writing " + what, () -> {
            if (raw.length == 1) {
                bus().writeSingle(unit, fmt.address(param), raw[0]);
            } else {
                bus().writeMultiple(unit, fmt.address(param), raw);
            }
        });
    }

    @Override
    public String kind() {
        return "furnace";
    }

    @Override
    protected String identify() {
        int[] id = bus().readHolding(unit, IDENT, 1);
        return String.format("Eurotherm controller, instrument identifier 0x%04X, Modbus address %d", id[0], unit);
    }

    @Override
    protected void configure() {
        poll(0);
        target = wsp;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("register_format", fmt.isFloat() ? "float" : "scaled, " + fmt.decimals() + " decimals");
        m.put("target_setpoint_degC", Double.toString(read(TARGET_SP, "target setpoint")));
        m.put("working_setpoint_degC", Double.toString(wsp));
        m.put("setpoint_rate_degC_per_min", Double.toString(read(RATE, "setpoint rate limit")));
        m.put("process_value_degC", Double.toString(pv));
        return m;
    }

    /** Ramps to {@code toC} °C at {@code rateCPerMin} °C/min using the controller's setpoint rate limit. */
    public void ramp(double toC, double rateCPerMin) {
        if (toC > maxTemperature) {
            throw new ProcedureError(name + ": setpoint " + toC + " degC is above the furnace limit " + maxTemperature + " degC",
                "lower the setpoint or raise max_temperature in the lab file");
        }
        if (rateCPerMin <= 0 || rateCPerMin > maxRate) {
            throw new ProcedureError(name + ": ramp rate " + rateCPerMin + " degC/min is outside (0, " + maxRate + " degC/min]",
                "use a ramp rate up to max_rate in the lab file");
        }
        write(RATE, rateCPerMin, "setpoint rate limit");
        write(TARGET_SP, toC, "target setpoint");
        target = toC;
        rate = rateCPerMin;
        watchFrom(toC, rateCPerMin);
        event("setpoint", name + " ramp to " + toC + " degC at " + rateCPerMin + " degC/min");
    }

    private void writeRegister(int ref, double v, String what) {
        write(ref, v, what);
    }

    private void writeInt(int ref, int v, String what) {
        link.run("writing " + what, () -> bus().writeSingle(unit, ref, v));
    }

    /**
     * Writes a ramp/dwell program into the controller's programmer (segments, then an end segment),
     * selects it and sets the programmer to run.
     */
    public void program(org.adc.device.FurnaceProgram p) {
        EurothermProgrammer g = programmer;
        writeInt(g.status(), EurothermProgrammer.RESET, "programmer reset");
        int s = 0;
        for (org.adc.device.FurnaceProgram.Segment seg : p.segments()) {
            s++;
            String at = "program segment " + s;
            if (seg.dwell()) {
                writeInt(g.register(s, g.typeOffset()), EurothermProgrammer.DWELL, at + " type");
                writeRegister(g.register(s, g.durationOffset()), seg.duration() / g.timeUnit(), at + " duration");
            } else {
                writeInt(g.register(s, g.typeOffset()), EurothermProgrammer.RAMP, at + " type");
                writeRegister(g.register(s, g.targetOffset()), seg.target() - 273.15, at + " target setpoint");
                writeRegister(g.register(s, g.rateOffset()), seg.rate() * g.rateUnit(), at + " ramp rate");
            }
        }
        writeInt(g.register(s + 1, g.typeOffset()), EurothermProgrammer.END, "program segment " + (s + 1) + " type (end)");
        writeInt(g.select(), g.program(), "program number");
        writeInt(g.status(), EurothermProgrammer.RUN, "programmer run");
        programActive = true;
        target = Double.NaN;
        event("setpoint", name + " program " + g.program() + " running: " + p.segments());
    }

    /** Programmer state: "run", "hold" or "reset". */
    public void programmer(String state) {
        int v = switch (state) {
            case "run" -> EurothermProgrammer.RUN;
            case "hold" -> EurothermProgrammer.HOLD;
            case "reset" -> EurothermProgrammer.RESET;
            default -> throw new ProcedureError(name + ".programmer: state must be \"run\", \"hold\" or \"reset\", got \"" + state + "\"",
                "write furnace.programmer(\"hold\")");
        };
        writeInt(programmer.status(), v, "programmer " + state);
        programActive = v != EurothermProgrammer.RESET;
        event("setpoint", name + " programmer " + state);
    }

    private int programStatus() {
        int[] r = link.call("reading programmer status", () -> bus().readHolding(unit, programmer.status(), 1));
        return r[0];
    }

    @Override
    protected void poll(double t) {
        int base = fmt.address(PV);
        int w = fmt.width();
        int count = fmt.address(WORKING_SP) - base + w;
        int[] r = link.call("reading PV, OP, WSP", () -> bus().readHolding(unit, base, count));
        double p = fmt.decode(r, 0);
        double o = fmt.decode(r, fmt.address(OUTPUT) - base);
        double s = fmt.decode(r, fmt.address(WORKING_SP) - base);
        String reply = "PV " + p + ", OP " + o + ", WSP " + s;
        Replies.range(name, "read PV", reply, p, -50, 1800);
        Replies.range(name, "read OP", reply, o, -100, 100);
        Replies.range(name, "read WSP", reply, s, -50, 1800);
        pv = p;
        out = o;
        wsp = s;
        markFresh();
        pollMode(t);
    }

    // ---- stall check (the engine's checkStall): the ramp's plan, the controller's auto/manual mode, output saturation ----

    /** Auto/manual mode, parameter 273 (3200 and 2400 series communications manuals: 0 auto, 1 manual). */
    static final int AUTO_MANUAL = 273;
    private double watchStart = Double.NaN;
    private double watchPlanned = Double.NaN;
    private boolean manual;
    private double saturatedSince = Double.NaN;

    private void watchFrom(double toC, double rateCPerMin) {
        watchStart = engine == null ? Double.NaN : engine.now();
        watchPlanned = Math.abs(toC - pv) / rateCPerMin * 60;
    }

    /** Reads the auto/manual mode and follows how long the output has been saturated, after each poll. */
    private void pollMode(double t) {
        if (Double.isNaN(watchStart)) {
            return;
        }
        manual = read(AUTO_MANUAL, "auto/manual mode") >= 0.5;
        boolean sat = out >= 99.5 && !Double.isNaN(target) && target - pv > stallBand();
        saturatedSince = sat ? (Double.isNaN(saturatedSince) ? t : saturatedSince) : Double.NaN;
    }

    @Override
    public double operationStart() {
        return programActive || Double.isNaN(target) ? Double.NaN : watchStart;
    }

    @Override
    public double plannedDuration() {
        return watchPlanned;
    }

    @Override
    public double offTarget() {
        return Double.isNaN(target) ? Double.NaN : Math.abs(pv - target);
    }

    @Override
    public String stallReason() {
        if (manual) {
            return "the controller is in manual mode (parameter 273 = 1): its output does not follow the setpoint";
        }
        if (!Double.isNaN(saturatedSince) && engine != null && engine.now() - saturatedSince > stallGrace()) {
            return "the output has been saturated at " + out + " % for " + Math.round(engine.now() - saturatedSince)
                + " s with the temperature " + Math.round(target - pv) + " K below the target (heater, power limit)";
        }
        return null;
    }

    @Override
    public boolean busy() {
        if (programActive) {
            int st = programStatus();
            if (st == EurothermProgrammer.COMPLETE || st == EurothermProgrammer.RESET) {
                programActive = false;
            }
            return programActive;
        }
        return !Double.isNaN(target) && (Math.abs(wsp - target) > 0.05 || Math.abs(pv - target) > 1.0);
    }

    /** True when the process value is within {@code band} K of the working setpoint (holdback). */
    @Override
    public boolean withinBand(double band) {
        return Math.abs(pv - wsp) <= band;
    }

    @Override
    public double[] saveState() {
        return new double[]{target, rate};
    }

    @Override
    public void restoreState(double[] s) {
        target = s[0];
        rate = s[1];
    }

    /** The controller ramps on from its working setpoint: the target and rate are written again. */
    @Override
    public void resumeLive() {
        if (!Double.isNaN(target) && !Double.isNaN(rate)) {
            ramp(target, rate);
        }
    }

    private boolean unknownState;

    /** The guardian does not know whether the run had a program running: it resets the programmer too (best effort). */
    @Override
    protected void assumeUnknownState() {
        unknownState = true;
        programActive = true;
    }

    @Override
    public String safeStateText() {
        return "heater down: setpoint " + safeSetpoint + " \u00b0C at " + safeRate + " \u00b0C/min (written)";
    }

    @Override
    public java.util.List<String> outputsToRestore() {
        return !Double.isNaN(target) && !Double.isNaN(rate)
            ? java.util.List.of(name + ": heater on, ramp to " + target + " \u00b0C at " + rate + " \u00b0C/min") : java.util.List.of();
    }

    @Override
    protected void commandSafe() {
        if (programActive) {
            try {
                writeInt(programmer.status(), EurothermProgrammer.RESET, "programmer reset");
            } catch (ProcedureError e) {
                if (!unknownState) {
                    throw e;
                }
                // the guardian resets a programmer that may not exist (refused): the setpoint below is what matters
            }
            programActive = false;
        }
        write(RATE, safeRate, "safe setpoint rate");
        write(TARGET_SP, safeSetpoint, "safe setpoint");
        target = safeSetpoint;
        watchStart = Double.NaN;
        event("setpoint", name + " safe: ramp down to " + safeSetpoint + " degC at " + safeRate + " degC/min");
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("temperature", Quantity.of(pv, DEGC));
        m.put("setpoint", Quantity.of(wsp, DEGC));
        m.put("power", Quantity.ofSi(Math.max(0, out) / 100 * heaterPower, WATT));
        return m;
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_temperature", Quantity.of(maxTemperature, "degC"));
        m.put("max_rate", Quantity.of(maxRate, "K/min"));
        return m;
    }

    private static Doc doc(String summary, String syntax) {
        return new Doc(summary, syntax, null, null, null, null, "Eurotherm 2400/3200 communications manuals", null);
    }

    @Override
    protected List<NativeFunction> operations() {
        return List.of(
            new NativeFunction("ramp", "none", doc("ramps the controller's setpoint to a temperature at a rate and waits until the "
                + "furnace is there (inside parallel it only starts)", "furnace.ramp(to = 450 degC, rate = 5 degC/min)"), a -> {
                    double to = a.si(0, Dimension.TEMPERATURE) - 273.15;
                    double rate = a.si(1, Dimension.HEATING_RATE) * 60;
                    ramp(to, rate);
                    finish(name + ".ramp");
                    return None.INSTANCE;
                }, Param.required("to", "temperature", "target temperature"), Param.required("rate", "heating_rate", "ramp rate")),
            new NativeFunction("program", "none", doc("writes a ramp/dwell program (a list of segments {ramp: RATE, to: TEMPERATURE} or "
                + "{dwell: DURATION}; an end segment is added) into the controller's programmer, runs it and waits until it is complete "
                + "(inside parallel it only starts)", "furnace.program([{ramp: 5 degC/min, to: 450 degC}, {dwell: 8 d}, {ramp: 5 degC/min, to: 25 degC}])"),
                a -> {
                    program(org.adc.device.FurnaceProgram.parse(name, a.list(0), maxTemperature + 273.15, maxRate / 60));
                    finish(name + ".program");
                    return None.INSTANCE;
                }, Param.required("segments", "list", "program segments")),
            new NativeFunction("programmer", "none", doc("holds, continues or resets the controller's programmer",
                "furnace.programmer(\"hold\")"), a -> {
                    programmer(a.string(0));
                    return None.INSTANCE;
                }, Param.required("state", "string", "\"run\", \"hold\" or \"reset\"")),
            new NativeFunction("off", "none", doc("heater down: ramps to the safe setpoint at the safe rate without waiting", "furnace.off()"),
                a -> {
                    goSafe();
                    return None.INSTANCE;
                }));
    }
}
