package org.adc.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureError;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Digital twin of a programmable furnace (a Eurotherm-style controller with a ramping setpoint).
 *
 * <p>Model: the setpoint moves to the target at the programmed ramp rate; the sample temperature
 * follows it as a first-order lag, T(t+dt) = sp + (T − sp)·exp(−dt/τ), exact for a constant setpoint
 * over the step. Heater power follows a linear calibration through (T_amb, 0 W) and a calibration
 * point, by default 600 W at 1000 °C (seed 002, Fig. 1d: ~600 W input gives ~1000 °C).
 * Safe state: setpoint ramps down to ambient at the safe rate, heater output follows.
 */
public final class SimFurnace extends Device implements org.adc.procedure.Holdback, org.adc.device.kind.FurnaceController {
    private static final double AMBIENT = 298.15;
    private static final org.adc.units.Unit DEGC = Units.parse("degC");
    private static final org.adc.units.Unit WATT = Units.parse("W");
    private final double maxTemperature;
    private final double maxRate;
    private final double tau;
    private final double safeRate;
    private final double calPower;
    private final double calTemperature;
    private double temperature = AMBIENT;
    private double setpoint = AMBIENT;
    private double target = AMBIENT;
    private double rate;
    private double minTemperature = Double.NEGATIVE_INFINITY;
    private double controllerMax = Double.POSITIVE_INFINITY;
    /** The running ramp/dwell program (null: none), its segment index and the dwell time left, s. */
    private FurnaceProgram program;
    private int segment;
    private double dwellLeft;
    private boolean programHeld;

    /**
     * @param maxTemperature K; @param maxRate K/s; @param tau thermal time constant, s;
     * @param calPower heater power at calTemperature, W; @param calTemperature K
     */
    public SimFurnace(String name, double maxTemperature, double maxRate, double tau, double calPower, double calTemperature) {
        super(name);
        this.maxTemperature = maxTemperature;
        this.maxRate = maxRate;
        this.tau = tau;
        this.safeRate = Math.min(maxRate, 10.0 / 60);
        this.calPower = calPower;
        this.calTemperature = calTemperature;
    }

    @Override
    public String kind() {
        return "furnace";
    }

    /** Starts a ramp of the setpoint to {@code to} (K) at {@code ratePerSecond} (K/s). */
    public void ramp(double to, double ratePerSecond) {
        checkMinimum(to);
        if (to > maxTemperature) {
            throw new ProcedureError(name + ": setpoint " + fmtC(to) + " is above the furnace limit " + fmtC(maxTemperature),
                "lower the setpoint or raise max_temperature in the lab configuration");
        }
        if (ratePerSecond <= 0 || ratePerSecond > maxRate) {
            throw new ProcedureError(name + ": ramp rate " + fmtRate(ratePerSecond) + " is outside (0, " + fmtRate(maxRate) + "]",
                "use a ramp rate up to the furnace's max_rate");
        }
        target = to;
        rate = ratePerSecond;
        program = null;
    }

    /** Starts a ramp/dwell program as a controller's programmer would run it (limits checked when parsed). */
    public void program(FurnaceProgram p) {
        program = p;
        segment = 0;
        programHeld = false;
        startSegment();
    }

    /** Programmer state: "run", "hold" (the setpoint stops where it is) or "reset" (the program ends, setpoint stays). */
    public void programmer(String state) {
        switch (state) {
            case "run" -> programHeld = false;
            case "hold" -> programHeld = true;
            case "reset" -> {
                program = null;
                programHeld = false;
                target = setpoint;
            }
            default -> throw new ProcedureError(name + ".programmer: state must be \"run\", \"hold\" or \"reset\", got \"" + state + "\"",
                "write furnace.programmer(\"hold\")");
        }
    }

    private void startSegment() {
        if (segment >= program.segments().size()) {
            program = null;
            target = setpoint;
            return;
        }
        FurnaceProgram.Segment s = program.segments().get(segment);
        if (s.dwell()) {
            target = setpoint;
            dwellLeft = s.duration();
        } else {
            target = s.target();
            rate = s.rate();
        }
    }

    /** Advances the program by {@code dt} seconds, segment by segment. */
    private void stepProgram(double dt) {
        double left = dt;
        while (program != null && left > 0) {
            FurnaceProgram.Segment s = program.segments().get(segment);
            if (s.dwell()) {
                double used = Math.min(left, dwellLeft);
                dwellLeft -= used;
                left -= used;
                if (dwellLeft > 1e-9) {
                    return;
                }
            } else {
                double need = Math.abs(target - setpoint) / rate;
                if (need > left) {
                    setpoint += Math.signum(target - setpoint) * rate * left;
                    return;
                }
                setpoint = target;
                left -= need;
            }
            segment++;
            startSegment();
        }
    }

    private static String fmtC(double k) {
        return Quantity.ofSi(k, Units.parse("K")).to(Units.parse("degC")).toString();
    }

    private static String fmtRate(double r) {
        return Quantity.ofSi(r, Units.parse("K/s")).to(Units.parse("K/min")).toString();
    }

    @Override
    public void step(double t, double dt) {
        if (program != null) {
            if (!programHeld) {
                stepProgram(dt);
            }
        } else if (setpoint != target) {
            double d = rate * dt;
            setpoint = Math.abs(target - setpoint) <= d ? target : setpoint + Math.signum(target - setpoint) * d;
        }
        temperature = setpoint + (temperature - setpoint) * Math.exp(-dt / tau);
    }

    @Override
    public boolean busy() {
        return program != null || setpoint != target || Math.abs(temperature - target) > 1.0;
    }

    /** True when the temperature is within {@code band} K of the setpoint (holdback). */
    @Override
    public boolean withinBand(double band) {
        return Math.abs(temperature - setpoint) <= band;
    }

    /** Sample temperature, K. */
    public double temperatureK() {
        return temperature;
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("temperature", Quantity.ofSi(temperature, DEGC).to(DEGC));
        m.put("setpoint", Quantity.ofSi(setpoint, DEGC).to(DEGC));
        double p = Math.max(0, calPower * (temperature - AMBIENT) / (calTemperature - AMBIENT));
        m.put("power", Quantity.ofSi(p, WATT));
        return m;
    }

    @Override
    public Quantity reading(String n) {
        switch (n) {
            case "temperature": return Quantity.ofSi(temperature, DEGC).to(DEGC);
            case "setpoint": return Quantity.ofSi(setpoint, DEGC).to(DEGC);
            case "power": return readings().get("power");
            default: return null;
        }
    }

    @Override
    public int readingCount() {
        return 3;
    }

    @Override
    public void sample(double[] out, int at) {
        out[at] = temperature - 273.15;
        out[at + 1] = setpoint - 273.15;
        out[at + 2] = Math.max(0, calPower * (temperature - AMBIENT) / (calTemperature - AMBIENT));
    }

    @Override
    public double[] saveState() {
        if (program == null) {
            return new double[]{temperature, setpoint, target, rate};
        }
        List<FurnaceProgram.Segment> segs = program.segments();
        double[] s = new double[8 + 4 * segs.size()];
        double[] head = {temperature, setpoint, target, rate, segment, dwellLeft, programHeld ? 1 : 0, segs.size()};
        System.arraycopy(head, 0, s, 0, 8);
        for (int i = 0; i < segs.size(); i++) {
            FurnaceProgram.Segment g = segs.get(i);
            s[8 + 4 * i] = g.dwell() ? 1 : 0;
            s[9 + 4 * i] = g.rate();
            s[10 + 4 * i] = g.target();
            s[11 + 4 * i] = g.duration();
        }
        return s;
    }

    @Override
    public void restoreState(double[] s) {
        temperature = s[0];
        setpoint = s[1];
        target = s[2];
        rate = s[3];
        program = null;
        if (s.length > 4) {
            List<FurnaceProgram.Segment> segs = new java.util.ArrayList<>();
            for (int i = 0; i < (int) s[7]; i++) {
                segs.add(new FurnaceProgram.Segment(s[8 + 4 * i] != 0, s[9 + 4 * i], s[10 + 4 * i], s[11 + 4 * i]));
            }
            program = new FurnaceProgram(segs);
            segment = (int) s[4];
            dwellLeft = s[5];
            programHeld = s[6] != 0;
        }
    }

    @Override
    public void goSafe() {
        program = null;
        target = AMBIENT;
        rate = safeRate;
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_temperature", Quantity.ofSi(maxTemperature, Units.parse("K")).to(Units.parse("degC")));
        m.put("max_rate", Quantity.ofSi(maxRate, Units.parse("K/s")).to(Units.parse("K/min")));
        return m;
    }

    /** Operations as declared once for the kind ({@link org.adc.device.kind.FurnaceController#KIND}). */
    @Override
    protected List<NativeFunction> operations() {
        return KIND.bind(this);
    }

    @Override
    public void startRamp(double toKelvin, double kelvinPerSecond) {
        ramp(toKelvin, kelvinPerSecond);
    }

    @Override
    public void startProgram(org.adc.lang.AdcList segments) {
        FurnaceProgram p = FurnaceProgram.parse(name, segments, maxTemperature, maxRate);
        for (FurnaceProgram.Segment s : p.segments()) {
            if (!s.dwell()) {
                checkMinimum(s.target());
            }
        }
        program(p);
    }

    /**
     * The setpoint limits of the live controller this twin stands for in a pre-flight (K; Eurotherm SP.LO/SP.HI, read
     * from the controller): a ramp or program target outside them is refused, as the live driver refuses it.
     */
    public void setControllerLimits(double lowKelvin, double highKelvin) {
        minTemperature = lowKelvin;
        controllerMax = highKelvin;
    }

    private void checkMinimum(double to) {
        if (to < minTemperature || to > controllerMax) {
            throw new ProcedureError(name + ": setpoint " + fmtC(to) + " is outside the controller's own setpoint limits SP.LO .. SP.HI = "
                + fmtC(minTemperature) + " .. " + fmtC(controllerMax) + " (read from the controller at pre-flight)",
                "choose a target inside them, or change the limits at the controller's front panel");
        }
    }

}
