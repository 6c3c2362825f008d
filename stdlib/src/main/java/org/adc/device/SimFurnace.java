package org.adc.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureError;
import org.adc.units.Dimension;
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
public final class SimFurnace extends Device implements org.adc.procedure.Holdback {
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
    }

    private static String fmtC(double k) {
        return Quantity.ofSi(k, Units.parse("K")).to(Units.parse("degC")).toString();
    }

    private static String fmtRate(double r) {
        return Quantity.ofSi(r, Units.parse("K/s")).to(Units.parse("K/min")).toString();
    }

    @Override
    public void step(double t, double dt) {
        if (setpoint != target) {
            double d = rate * dt;
            setpoint = Math.abs(target - setpoint) <= d ? target : setpoint + Math.signum(target - setpoint) * d;
        }
        temperature = setpoint + (temperature - setpoint) * Math.exp(-dt / tau);
    }

    @Override
    public boolean busy() {
        return setpoint != target || Math.abs(temperature - target) > 1.0;
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
        return new double[]{temperature, setpoint, target, rate};
    }

    @Override
    public void restoreState(double[] s) {
        temperature = s[0];
        setpoint = s[1];
        target = s[2];
        rate = s[3];
    }

    @Override
    public void goSafe() {
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

    private static Doc doc(String summary, String syntax) {
        return new Doc(summary, syntax, null, null, null, null, null, null);
    }

    @Override
    protected List<NativeFunction> operations() {
        return List.of(
            new NativeFunction("ramp", "none", doc("ramps the setpoint to a temperature at a rate and waits until the furnace is there "
                + "(inside parallel it only starts)", "furnace.ramp(to = 450 degC, rate = 5 degC/min)"), a -> {
                    ramp(a.si(0, Dimension.TEMPERATURE), a.si(1, Dimension.HEATING_RATE));
                    finish(name + ".ramp");
                    return org.adc.lang.None.INSTANCE;
                }, Param.required("to", "temperature", "target temperature"), Param.required("rate", "heating_rate", "ramp rate")),
            new NativeFunction("off", "none", doc("heater down: ramps to ambient at the safe rate without waiting", "furnace.off()"), a -> {
                goSafe();
                return org.adc.lang.None.INSTANCE;
            }));
    }
}
