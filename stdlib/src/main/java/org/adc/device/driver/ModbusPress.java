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
 * A press controller (PLC or hydraulic controller) over Modbus RTU whose registers the lab file
 * names: {@code pressure} (read), {@code setpoint} and {@code rate} (written), each with a
 * {@link RegisterFormat} and a scale to GPa (GPa/h for the rate): value = raw × scale. Script API
 * as the twin: reading {@code pressure} (GPa), operations {@code compress(to, rate)} and
 * {@code release(rate)}. Busy while the pressure is more than {@code tolerance} from the setpoint.
 * Safe state: rate register to the safe release rate, setpoint to 0 (pressure released under the
 * controller's own rate control).
 */
public final class ModbusPress extends HardwareDevice {
    /** One named register: address, format and scale (engineering value = raw × scale). */
    public record Reg(int address, RegisterFormat format, double scale) {
    }

    private static final org.adc.units.Unit GPA = Units.parse("GPa");
    private final int unit;
    private final Reg pressureReg;
    private final Reg setpointReg;
    private final Reg rateReg;
    private final double maxPressure;
    private final double maxRate;
    private final double safeRate;
    private final double tolerance;
    private double pressure;
    private double target;

    /** @param maxPressure GPa; @param maxRate GPa/h; @param safeRate GPa/h; @param tolerance GPa */
    public ModbusPress(String name, Link link, double pollEvery, int unit, Reg pressure, Reg setpoint, Reg rate, double maxPressure,
                       double maxRate, double safeRate, double tolerance) {
        super(name, link, pollEvery);
        this.unit = unit;
        this.pressureReg = pressure;
        this.setpointReg = setpoint;
        this.rateReg = rate;
        this.maxPressure = maxPressure;
        this.maxRate = maxRate;
        this.safeRate = Math.min(safeRate, maxRate);
        this.tolerance = tolerance;
    }

    private ModbusClient bus() {
        return (ModbusClient) link.channel();
    }

    private double read(Reg r, String what) {
        int[] raw = link.call("reading " + what, () -> bus().readHolding(unit, r.address(), r.format().width()));
        return r.format().decode(raw, 0) * r.scale();
    }

    private void write(Reg r, double v, String what) {
        int[] raw = r.format().encode(v / r.scale());
        link.run("writing " + what, () -> {
            if (raw.length == 1) {
                bus().writeSingle(unit, r.address(), raw[0]);
            } else {
                bus().writeMultiple(unit, r.address(), raw);
            }
        });
    }

    @Override
    public String kind() {
        return "press";
    }

    @Override
    protected String identify() {
        double p = read(pressureReg, "pressure");
        return "Modbus press controller at address " + unit + " (pressure register " + pressureReg.address() + ", reads " + p + " GPa)";
    }

    @Override
    protected void configure() {
        poll(0);
        target = read(setpointReg, "setpoint");
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("setpoint_GPa", Double.toString(read(setpointReg, "setpoint")));
        m.put("rate_GPa_per_h", Double.toString(read(rateReg, "rate")));
        m.put("pressure_GPa", Double.toString(pressure));
        return m;
    }

    /** Moves the load to {@code toGPa} at {@code rateGPaPerH}. */
    public void compress(double toGPa, double rateGPaPerH) {
        if (toGPa < 0 || toGPa > maxPressure) {
            throw new ProcedureError(name + ": " + toGPa + " GPa is outside 0 .. " + maxPressure + " GPa", "lower the target pressure");
        }
        if (rateGPaPerH <= 0 || rateGPaPerH > maxRate) {
            throw new ProcedureError(name + ": rate " + rateGPaPerH + " GPa/h is outside (0, " + maxRate + " GPa/h]", "use a slower rate");
        }
        write(rateReg, rateGPaPerH, "rate");
        write(setpointReg, toGPa, "setpoint");
        target = toGPa;
        event("setpoint", name + " to " + toGPa + " GPa at " + rateGPaPerH + " GPa/h");
    }

    @Override
    protected void poll(double t) {
        double p = read(pressureReg, "pressure");
        Replies.range(name, "read pressure", Double.toString(p), p, -0.1, maxPressure * 1.2 + 0.1);
        pressure = p;
    }

    @Override
    public boolean busy() {
        return Math.abs(pressure - target) > tolerance;
    }

    @Override
    protected void commandSafe() {
        write(rateReg, safeRate, "safe release rate");
        write(setpointReg, 0, "setpoint 0");
        target = 0;
        event("setpoint", name + " safe: release at " + safeRate + " GPa/h");
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("pressure", Quantity.of(pressure, GPA));
        return m;
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_pressure", Quantity.of(maxPressure, "GPa"));
        m.put("max_rate", Quantity.of(maxRate, "GPa/h"));
        return m;
    }

    @Override
    protected List<NativeFunction> operations() {
        Dimension rate = Dimension.PRESSURE.divide(Dimension.TIME);
        return List.of(
            new NativeFunction("compress", "none", new Doc("raises the load to a pressure at a rate and waits", "press.compress(to = 1 GPa, "
                + "rate = 1 GPa/h)", null, null, null, null, null, null), a -> {
                    compress(a.si(0, Dimension.PRESSURE) / 1e9, a.si(1, rate) / 1e9 * 3600);
                    finish(name + ".compress");
                    return None.INSTANCE;
                }, Param.required("to", "pressure", "target pressure"), Param.required("rate", "[GPa/h]", "pressure rate")),
            new NativeFunction("release", "none", new Doc("lowers the load to zero at a rate and waits", "press.release(rate = 0.5 GPa/h)",
                null, null, null, null, null, null), a -> {
                    compress(0, a.si(0, rate) / 1e9 * 3600);
                    finish(name + ".release");
                    return None.INSTANCE;
                }, Param.required("rate", "[GPa/h]", "pressure rate")));
    }
}
