package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.procedure.ProcedureError;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Eurotherm 3200 or 2400 series temperature controller over Modbus RTU (j2mod), used as a furnace.
 * Script API declared once for twin and driver in {@link org.adc.device.kind.FurnaceController}:
 * readings {@code temperature} (°C, process value), {@code setpoint} (°C, working setpoint),
 * {@code power} (W: working output % × the heater's rated power); operations {@code ramp(to, rate)}
 * (the controller ramps its own setpoint with its setpoint rate limit), {@code program(segments)},
 * {@code programmer(state)} and {@code off()}.
 *
 * <p>Register map: Modbus parameter numbers for the 3200 series (Eurotherm "3200 Series
 * Communications Handbook", HA028591, its table of parameter Modbus addresses; the 2400 uses the
 * same numbers for these parameters, 2000 series handbook HA026230). We had no copy of either
 * handbook while writing this driver: docs/lab.md, "Eurotherm register map", says which numbers
 * are taken from where and what is still to be checked on a controller:
 * <pre>
 *   param  mnemonic  meaning                        access  when
 *   1      PV.IN     process value                  read    every poll
 *   2      TG.SP     target setpoint                write   ramp, safe state
 *   3      MAN.OP    manual output, %               read    every poll (settings)
 *   4      WRK.OP    working output, %              read    every poll (the power reading)
 *   5      WKG.SP    working setpoint               read    every poll
 *   30     OP.HI     output high limit, %           read    connect
 *   31     OP.LO     output low limit, %            read    connect
 *   35     SP.RAT    setpoint rate limit, /min      write   ramp, safe state
 *   111    SP.HI     setpoint high limit            read    connect, pre-flight
 *   112    SP.LO     setpoint low limit             read    connect, pre-flight
 *   122    INST.ID   instrument identifier          read    connect, pre-flight (checked)
 *   273    A-M       0 auto, 1 manual, 2 off        read    connect, every poll, before ramp/program
 * </pre>
 * In {@link RegisterFormat#FLOAT} format (the default) parameter n is read at 0x8000 + 2n as an
 * IEEE float pair, full precision; in scaled format at n as a 16-bit integer with the configured
 * number of decimals (the controller's display resolution). The identifier and the auto/manual
 * mode are plain 16-bit integers at n in both formats. The controller's display unit must be °C.
 *
 * <p>Checks: at connect the identifier must belong to the lab file's model (0x32.. for the 3200
 * series, 0x24.. for the 2400 series, or exactly the lab file's {@code identifier:}), so any other
 * Modbus slave on the bus is refused; a ramp or program target outside the controller's own
 * setpoint limits SP.LO .. SP.HI is refused before anything is sent (the pre-flight reads these
 * limits too, see {@link org.adc.device.config.LabDeviceFactory}); a ramp or program while the
 * controller is in manual or off mode is refused (its setpoint would not move the heater), and a
 * switch to manual during the run is an event.
 *
 * <p>adc's own ramp and hold statements send one segment at a time through TG.SP and SP.RAT;
 * {@code program([...])} writes a ramp/dwell program into the controller's programmer (register
 * map {@link EurothermProgrammer}, per model: the 2000-series map for the 2400, none for the
 * 3200 unless the lab file's {@code programmer:} gives one) and runs it there; a controller
 * without a programmer map refuses {@code program} before anything is sent (and at pre-flight).
 *
 * <p>Safe state: setpoint rate limit set to the safe rate, target setpoint to the safe setpoint
 * (default 25 °C), so the controller ramps down under control. A process value outside
 * −50 .. 1800 °C (sensor break) is an error.
 */
public final class Eurotherm extends HardwareDevice implements org.adc.procedure.Holdback, org.adc.device.kind.FurnaceController {
    /** Parameter numbers (see the class comment). */
    public static final int PV = 1, TARGET_SP = 2, MANUAL_OUTPUT = 3, WORKING_OUTPUT = 4, WORKING_SP = 5, OUTPUT_HIGH = 30,
        OUTPUT_LOW = 31, RATE = 35, SP_HIGH = 111, SP_LOW = 112, IDENT = 122, AUTO_MANUAL = 273;
    private static final org.adc.units.Unit DEGC = Units.parse("degC");
    private static final org.adc.units.Unit WATT = Units.parse("W");
    private final int unit;
    private final RegisterFormat fmt;
    private final double maxTemperature;
    private final double maxRate;
    private final double safeSetpoint;
    private final double safeRate;
    private final double heaterPower;
    private String model = "3200";
    private int expectedIdent = -1;
    private double pv;
    private double wsp;
    private double out;
    private double manualOut;
    private int mode;
    private double spHigh = Double.NaN;
    private double spLow = Double.NaN;
    private double outHigh = Double.NaN;
    private double outLow = Double.NaN;
    private int ident = -1;
    private double target = Double.NaN;
    private double rate = Double.NaN;
    private EurothermProgrammer programmer = EurothermProgrammer.forModel("3200");
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

    /**
     * The lab file's model ("3200" or "2400"): the identifier family checked at connect and the default programmer
     * map; {@code identifier} (≥ 0) makes the check exact instead.
     */
    public Eurotherm withModel(String m, int identifier) {
        if (!m.equals("3200") && !m.equals("2400")) {
            throw new IllegalArgumentException("model " + m + " must be 3200 or 2400");
        }
        this.model = m;
        this.expectedIdent = identifier;
        this.programmer = EurothermProgrammer.forModel(m);
        return this;
    }

    /** Sets where the controller keeps its programmer (lab file {@code programmer:}); null: it has none adc can drive. */
    public Eurotherm withProgrammer(EurothermProgrammer p) {
        this.programmer = p;
        return this;
    }

    /** Why {@code program()} cannot run on this controller, or null when it can (also told to the twin at pre-flight). */
    public String programRefusal() {
        if (programmer != null) {
            return null;
        }
        return "the Eurotherm " + model + " has no setpoint programmer adc can drive over Modbus (the 3200 series handbook "
            + "HA028591 gives no programmer map adc could check); use ramp() and hold steps, or give the controller's programmer "
            + "register map under programmer: in the lab file";
    }

    /** Setpoint limits SP.LO and SP.HI read from the controller at connect, °C (NaN before). */
    public double[] setpointLimits() {
        return new double[]{spLow, spHigh};
    }

    /** Output limits OP.LO and OP.HI read at connect, % (NaN before). */
    public double[] outputLimits() {
        return new double[]{outLow, outHigh};
    }

    /** Working output at the last poll, %. */
    public double workingOutput() {
        return out;
    }

    /** True when the controller was in manual (or off) mode at the last poll: its setpoint does not drive the heater. */
    public boolean manual() {
        return mode != 0;
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
        int id = bus().readHolding(unit, IDENT, 1)[0];
        boolean ok = expectedIdent >= 0 ? id == expectedIdent : (id >>> 8) == (model.equals("3200") ? 0x32 : 0x24);
        if (!ok) {
            throw new ProcedureError(String.format("%s: the Modbus slave at address %d on %s reports instrument identifier 0x%04X (parameter "
                + "122), which is not a Eurotherm %s (expected %s); it was not used", name, unit, link.channel().describe(), id, model,
                expectedIdent >= 0 ? String.format("0x%04X", expectedIdent) : model.equals("3200") ? "0x32.." : "0x24.."),
                "check the address and the driver (eurotherm-3200 or eurotherm-2400) in the lab file, or give the identifier your "
                    + "controller reports as identifier: 0x.... after checking it is the furnace controller");
        }
        ident = id;
        return String.format("Eurotherm %s controller, instrument identifier 0x%04X, Modbus address %d", model, id, unit);
    }

    private int readMode() {
        int[] r = link.call("reading auto/manual mode (273)", () -> bus().readHolding(unit, AUTO_MANUAL, 1));
        return r[0];
    }

    private static String modeName(int m) {
        return switch (m) {
            case 0 -> "auto";
            case 1 -> "manual";
            case 2 -> "off";
            default -> "mode " + m;
        };
    }

    /** Reads the controller's setpoint and output limits and its mode (connect, pre-flight). */
    private void readLimits() {
        double hi = read(SP_HIGH, "setpoint high limit SP.HI (111)");
        double lo = read(SP_LOW, "setpoint low limit SP.LO (112)");
        String reply = "SP.LO " + lo + ", SP.HI " + hi;
        Replies.range(name, "read SP.HI", reply, hi, -200, 2000);
        Replies.range(name, "read SP.LO", reply, lo, -200, hi);
        double oh = read(OUTPUT_HIGH, "output high limit OP.HI (30)");
        double ol = read(OUTPUT_LOW, "output low limit OP.LO (31)");
        Replies.range(name, "read OP.HI", "OP.LO " + ol + ", OP.HI " + oh, oh, -100, 100);
        Replies.range(name, "read OP.LO", "OP.LO " + ol + ", OP.HI " + oh, ol, -100, oh);
        spHigh = hi;
        spLow = lo;
        outHigh = oh;
        outLow = ol;
        mode = readMode();
    }

    @Override
    protected void configure() {
        readLimits();
        poll(0);
        target = wsp;
        if (outHigh <= 0) {
            event("controller", name + ": output high limit OP.HI is " + outHigh + " %: the heater cannot heat");
        }
        if (mode != 0) {
            event("controller", name + ": controller is in " + modeName(mode) + " mode (parameter 273): ramps are refused until it is in auto");
        }
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("identifier", String.format("0x%04X", ident));
        m.put("register_format", fmt.isFloat() ? "float" : "scaled, " + fmt.decimals() + " decimals");
        m.put("mode", modeName(mode));
        m.put("setpoint_limits_degC", spLow + " .. " + spHigh);
        m.put("output_limits_percent", outLow + " .. " + outHigh);
        m.put("target_setpoint_degC", Double.toString(read(TARGET_SP, "target setpoint")));
        m.put("working_setpoint_degC", Double.toString(wsp));
        m.put("setpoint_rate_degC_per_min", Double.toString(read(RATE, "setpoint rate limit")));
        m.put("process_value_degC", Double.toString(pv));
        m.put("working_output_percent", Double.toString(out));
        m.put("manual_output_percent", Double.toString(manualOut));
        m.put("programmer", programmer == null ? "none" : programmer.toString());
        return m;
    }

    /** Refuses a target outside the controller's own setpoint limits (read at connect). */
    private void checkSetpoint(double toC, String what) {
        if (!Double.isNaN(spHigh) && (toC > spHigh || toC < spLow)) {
            throw new ProcedureError(name + ": " + what + " " + toC + " degC is outside the controller's setpoint limits SP.LO .. SP.HI = "
                + spLow + " .. " + spHigh + " degC (parameters 112/111)", "choose a target inside them, or change the limits at the "
                + "controller's front panel (the controller would clip the setpoint silently)");
        }
    }

    /** Refuses when the controller is not in auto mode (re-read now): a setpoint would not move the heater. */
    private void checkAuto() {
        mode = readMode();
        if (mode != 0) {
            throw new ProcedureError(name + ": the controller is in " + modeName(mode) + " mode (parameter 273 A-M = " + mode
                + "): a setpoint would not move the heater", "switch the controller to auto at its front panel and start again");
        }
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
        checkSetpoint(toC, "setpoint");
        checkAuto();
        // the intended state first: a reconnect in the middle writes all of it again (HardwareDevice)
        target = toC;
        rate = rateCPerMin;
        write(RATE, rateCPerMin, "setpoint rate limit");
        write(TARGET_SP, toC, "target setpoint");
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
        if (programmer == null) {
            throw new ProcedureError(name + ".program: " + programRefusal(), "nothing was written to the controller");
        }
        for (org.adc.device.FurnaceProgram.Segment seg : p.segments()) {
            if (!seg.dwell()) {
                checkSetpoint(seg.target() - 273.15, "program target");
            }
        }
        checkAuto();
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
        if (programmer == null) {
            throw new ProcedureError(name + ".programmer: " + programRefusal(), "nothing was written to the controller");
        }
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
        int[] r = link.call("reading PV, MAN.OP, WRK.OP, WSP", () -> bus().readHolding(unit, base, count));
        double p = fmt.decode(r, 0);
        double mo = fmt.decode(r, fmt.address(MANUAL_OUTPUT) - base);
        double o = fmt.decode(r, fmt.address(WORKING_OUTPUT) - base);
        double s = fmt.decode(r, fmt.address(WORKING_SP) - base);
        String reply = "PV " + p + ", MAN.OP " + mo + ", WRK.OP " + o + ", WSP " + s;
        Replies.range(name, "read PV", reply, p, -50, 1800);
        Replies.range(name, "read WRK.OP", reply, o, -100, 100);
        Replies.range(name, "read MAN.OP", reply, mo, -100, 100);
        Replies.range(name, "read WSP", reply, s, -50, 1800);
        int m = readMode();
        if (m != mode && engine != null) {
            event("controller", name + ": controller switched from " + modeName(mode) + " to " + modeName(m) + " mode (parameter 273)"
                + (m != 0 ? ": the setpoint no longer drives the heater" : ""));
        }
        mode = m;
        pv = p;
        out = o;
        manualOut = mo;
        wsp = s;
        markFresh();
        pollMode(t);
    }

    // ---- stall check (the engine's checkStall): the ramp's plan, the controller's auto/manual mode, output saturation ----

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
        manual = mode != 0;   // parameter 273, read by every poll
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
        // (the guardian assumes a program may be running; a model without a programmer over comms has none to reset)
        if (programActive && programmer != null) {
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

    @Override
    public void startRamp(double toKelvin, double kelvinPerSecond) {
        ramp(toKelvin - 273.15, kelvinPerSecond * 60);
    }

    @Override
    public void startProgram(org.adc.lang.AdcList segments) {
        if (programmer == null) {
            throw new ProcedureError(name + ".program: " + programRefusal(), "nothing was written to the controller");
        }
        program(org.adc.device.FurnaceProgram.parse(name, segments, maxTemperature + 273.15, maxRate / 60));
    }

    /** Operations as declared once for the kind ({@link org.adc.device.kind.FurnaceController#KIND}). */
    @Override
    protected List<NativeFunction> operations() {
        return KIND.bind(this);
    }
}
