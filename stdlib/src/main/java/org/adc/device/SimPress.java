package org.adc.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureError;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * Digital twin of a (cubic-anvil) press: the load follows the programmed pressure ramp exactly,
 * limited by the press's own maximum rate. An optional HPDC cell load sees the pressure.
 * Safe state: pressure released at the safe rate.
 */
public final class SimPress extends Device {
    private static final org.adc.units.Unit GPA = org.adc.units.Units.parse("GPa");
    private final double maxPressure;
    private final double maxRate;
    private HpdcCellLoad cell;
    private double pressure;
    private double target;
    private double rate;

    /** @param maxPressure Pa; @param maxRate Pa/s */
    public SimPress(String name, double maxPressure, double maxRate, HpdcCellLoad cell) {
        super(name);
        this.maxPressure = maxPressure;
        this.maxRate = maxRate;
        this.cell = cell;
    }

    @Override
    public String kind() {
        return "press";
    }

    /** Connects the high-pressure cell whose diffusion feels this press's load. */
    public void attachCell(HpdcCellLoad c) {
        this.cell = c;
    }

    public void compress(double to, double r) {
        if (to > maxPressure || to < 0) {
            throw new ProcedureError(name + ": " + Quantity.of(to / 1e9, "GPa") + " is outside 0 .. " + Quantity.of(maxPressure / 1e9, "GPa"),
                "lower the target pressure");
        }
        if (r <= 0 || r > maxRate) {
            throw new ProcedureError(name + ": rate " + Quantity.of(r / 1e9 * 3600, "GPa/h") + " is outside (0, "
                + Quantity.of(maxRate / 1e9 * 3600, "GPa/h") + "]", "use a slower rate");
        }
        target = to;
        rate = r;
    }

    @Override
    public void step(double t, double dt) {
        if (pressure != target) {
            double d = rate * dt;
            pressure = Math.abs(target - pressure) <= d ? target : pressure + Math.signum(target - pressure) * d;
        }
        if (cell != null) {
            cell.setPressure(pressure);
        }
    }

    @Override
    public boolean busy() {
        return pressure != target;
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("pressure", Quantity.ofSi(pressure, GPA));
        return m;
    }

    @Override
    public double[] saveState() {
        return new double[]{pressure, target, rate};
    }

    @Override
    public void restoreState(double[] s) {
        pressure = s[0];
        target = s[1];
        rate = s[2];
    }

    @Override
    public void goSafe() {
        target = 0;
        rate = Math.min(maxRate, 1e9 / 3600);
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_pressure", Quantity.of(maxPressure / 1e9, "GPa"));
        m.put("max_rate", Quantity.of(maxRate / 1e9 * 3600, "GPa/h"));
        return m;
    }

    private static Doc doc(String summary, String syntax) {
        return new Doc(summary, syntax, null, null, null, null, null, null);
    }

    @Override
    protected List<NativeFunction> operations() {
        return List.of(
            new NativeFunction("compress", "none", doc("raises the load to a pressure at a rate and waits (inside parallel it only starts)",
                "press.compress(to = 1 GPa, rate = 1 GPa/h)"), a -> {
                    compress(a.si(0, Dimension.PRESSURE), a.si(1, Dimension.PRESSURE.divide(Dimension.TIME)));
                    finish(name + ".compress");
                    return None.INSTANCE;
                }, Param.required("to", "pressure", "target pressure"), Param.required("rate", "[GPa/h]", "pressure rate, e.g. 1 GPa/h")),
            new NativeFunction("release", "none", doc("lowers the load to zero at a rate and waits", "press.release(rate = 0.5 GPa/h)"), a -> {
                    compress(0, a.si(0, Dimension.PRESSURE.divide(Dimension.TIME)));
                    finish(name + ".release");
                    return None.INSTANCE;
                }, Param.required("rate", "[GPa/h]", "pressure rate")));
    }
}
