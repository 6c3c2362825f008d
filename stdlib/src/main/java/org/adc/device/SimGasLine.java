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
import org.adc.units.Units;

/**
 * Digital twin of the furnace tube's gas line: a mass-flow controller for an inert purge (N2 flow,
 * seed 000's ADC runs) and a pump with a gauge (the 10^-3 Torr vacuum anneal of seed 000; a rotary
 * pump, or 3.8e-6 Torr with a turbo pump).
 *
 * <p>Model: venting or flowing brings the tube to atmospheric pressure, p(t+dt) = p_atm + (p − p_atm)·exp(−dt/τ_vent),
 * τ_vent = 10 s; pumping brings it down to the pump's base pressure, log p relaxing as
 * p(t+dt) = p_base + (p − p_base)·exp(−dt/τ_pump), τ_pump = 60 s (a small tube on a rotary pump).
 * evacuate waits until the gauge reads the target. Safe state: the atmosphere is kept as it is
 * (a hot sample cools under its inert gas or vacuum; venting it to air would oxidise it).
 */
public final class SimGasLine extends Device {
    private static final double ATM = 101325;
    private static final double TAU_VENT = 10;
    private static final double TAU_PUMP = 60;
    private static final org.adc.units.Unit LPM = Units.parse("L/min");
    private static final org.adc.units.Unit TORR = Units.parse("Torr");
    private final double maxFlow;
    private final double basePressure;
    private double flow;
    private double pressure = ATM;
    private boolean pumping;
    private double target = Double.NaN;

    /** @param maxFlow m³/s; @param basePressure Pa, the lowest pressure the pump reaches */
    public SimGasLine(String name, double maxFlow, double basePressure) {
        super(name);
        this.maxFlow = maxFlow;
        this.basePressure = basePressure;
    }

    @Override
    public String kind() {
        return "gas line";
    }

    /** Inert-gas flow in m³/s (0 closes the valve); the tube is at atmospheric pressure while it flows. */
    public void flow(double rate) {
        if (rate < 0 || rate > maxFlow) {
            throw new ProcedureError(name + ": flow " + Quantity.ofSi(rate, LPM) + " is outside 0 .. " + Quantity.ofSi(maxFlow, LPM),
                "use a flow up to max_flow");
        }
        flow = rate;
        pumping = false;
        target = Double.NaN;
        engine().event("gas", name + " flow " + Quantity.ofSi(rate, LPM));
    }

    /** Closes the flow and pumps down to {@code to} Pa; busy until the gauge reads it. */
    public void evacuate(double to) {
        if (to < basePressure * 1.01) {
            throw new ProcedureError(name + ": " + Quantity.ofSi(to, TORR) + " is below what the pump reaches ("
                + Quantity.ofSi(basePressure, TORR) + ")", "aim above the pump's base pressure, or configure a turbo pump (pump_base)");
        }
        flow = 0;
        pumping = true;
        target = to;
        engine().event("gas", name + " evacuate to " + Quantity.ofSi(to, TORR));
    }

    private org.adc.procedure.ProcedureEngine engine() {
        return engine;
    }

    @Override
    public void step(double t, double dt) {
        double goal = pumping ? basePressure : ATM;
        double tau = pumping ? TAU_PUMP : TAU_VENT;
        pressure = goal + (pressure - goal) * Math.exp(-dt / tau);
    }

    @Override
    public boolean busy() {
        return pumping && !Double.isNaN(target) && pressure > target;
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("flow", Quantity.ofSi(flow, LPM));
        m.put("pressure", Quantity.ofSi(pressure, TORR));
        return m;
    }

    @Override
    public double[] saveState() {
        return new double[]{flow, pressure, pumping ? 1 : 0, target};
    }

    @Override
    public void restoreState(double[] s) {
        flow = s[0];
        pressure = s[1];
        pumping = s[2] != 0;
        target = s[3];
    }

    @Override
    public void goSafe() {
        // the atmosphere stays: inert gas keeps flowing, a vacuum stays pumped
    }

    @Override
    public Map<String, Quantity> limits() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("max_flow", Quantity.ofSi(maxFlow, LPM));
        m.put("pump_base", Quantity.ofSi(basePressure, TORR));
        return m;
    }

    private static Doc doc(String summary, String syntax) {
        return new Doc(summary, syntax, null, null, null, null, null, null);
    }

    @Override
    protected List<NativeFunction> operations() {
        Dimension flowDim = Dimension.VOLUME.divide(Dimension.TIME);
        return List.of(
            new NativeFunction("purge", "none", doc("sets the inert-gas flow (0 closes it); the tube goes to atmospheric pressure",
                "gas.purge(0.2 L/min)"), a -> {
                    flow(a.si(0, flowDim));
                    return None.INSTANCE;
                }, Param.required("rate", "[L/min]", "flow, e.g. 0.2 L/min")),
            new NativeFunction("evacuate", "none", doc("closes the flow, pumps down and waits until the gauge reads the pressure "
                + "(inside parallel it only starts)", "gas.evacuate(to = 1e-3 Torr)"), a -> {
                    evacuate(a.si(0, Dimension.PRESSURE));
                    finish(name + ".evacuate");
                    return None.INSTANCE;
                }, Param.required("to", "pressure", "target pressure")));
    }
}
