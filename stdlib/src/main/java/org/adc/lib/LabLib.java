package org.adc.lib;

import java.util.ArrayList;
import java.util.List;

import org.adc.device.AdcCellLoad;
import org.adc.device.CellLoad;
import org.adc.device.HpdcCellLoad;
import org.adc.device.ResistorLoad;
import org.adc.device.SimFurnace;
import org.adc.device.SimPress;
import org.adc.device.SimSourceMeter;
import org.adc.lang.AdcError;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureEngine;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * Lab devices and data logging for procedures. Without a lab configuration every device is a
 * digital twin running on the run's clock (virtual time for a dry run), so a recipe can be tried
 * safely before it touches hardware.
 */
public final class LabLib {
    private LabLib() {
    }

    private static Doc doc(String summary, String syntax, String examples, String description, String units, String source) {
        return new Doc(summary, syntax, examples, description, units, "a limit below zero or a name used twice is an error",
            source, "furnace, smu, press, gas, instrument, log_to, elapsed");
    }

    public static Module module() {
        Module m = new Module("lab", "lab devices (digital twins unless mapped to hardware), logging and run time");
        m.add(new NativeFunction("furnace", "furnace", doc("a programmable furnace (twin: first-order lag, heater calibration)",
            "furnace(name = \"furnace\", max_temperature = 1200 degC, max_rate = 20 degC/min, tau = 3 min, on_stall = \"abort\", "
                + "stall_factor = 1.5, stall_band = 10 K, stall_grace = 5 min)",
            "let f = furnace()\nf.ramp(to = 450 degC, rate = 5 degC/min)\nprint(f.temperature)",
            "Readings: temperature, setpoint, power. Operations: ramp(to, rate), program(segments) (a ramp/dwell program: "
                + "[{ramp: 5 degC/min, to: 450 degC}, {dwell: 8 d}], run as a controller's programmer runs it; on a live Eurotherm "
                + "it is written into the controller; a controller without a programmer over its communications, such as a Eurotherm 3200 by default, refuses it at pre-flight), programmer(\"hold\" | \"run\" | \"reset\"), off(). The twin's heater calibration passes "
                + "through 600 W at 1000 degC. Stall check (live furnaces): a ramp, and the hold after it, stalls when the temperature "
                + "is not within stall_band of the target by the planned ramp time × stall_factor + stall_grace, when the controller "
                + "is in manual mode, or when its output stays saturated longer than stall_grace; on_stall = \"abort\" (default) "
                + "stops the run in the safe state, \"alarm\" records a stall event, prints an alarm and goes on.",
            "temperatures absolute; rates K/min or degC/min; stall_band in K", "seed 002, Fig. 1d (600 W ~ 1000 degC)"),
            LabLib::furnace, Param.optional("name", "string", "furnace", "device name"),
            Param.optional("max_temperature", "temperature", Quantity.of(1200, "degC"), "highest allowed setpoint"),
            Param.optional("max_rate", "heating_rate", Quantity.of(20, "K/min"), "highest allowed ramp rate"),
            Param.optional("tau", "time", Quantity.of(3, "min"), "thermal time constant of the twin"),
            Param.optional("on_stall", "string", "abort", "\"abort\" or \"alarm\" when a ramp or hold stalls"),
            Param.optional("stall_factor", "number", 1.5, "planned ramp time × this before a stall"),
            Param.optional("stall_band", "temperature", Quantity.of(10, "K"), "how close to the target counts as there (K)"),
            Param.optional("stall_grace", "time", Quantity.of(5, "min"), "allowance on top of planned time × factor")));
        m.add(new NativeFunction("smu", "source-measure unit", doc("a source-measure unit connected to a cell",
            "smu(name = \"smu\", cell = \"adc\", furnace = none, max_voltage = 200 V, max_current = 100 mA, q_max = 0.78 C)",
            "let s = smu(cell = \"adc\", furnace = f)\ns.apply(voltage = 50 V, compliance = 1 mA)",
            "Readings: voltage, current, charge (integral of the current while the output is on). cell = \"adc\" (seed 000 ADC cell "
                + "twin), \"hpdc\" (seed 002 high-pressure cell twin) or \"resistor\" (with ohms).",
            "q_max: Faraday charge of the extractable Na", "seed 000 Fig. 3/S4; seed 002"),
            LabLib::smu, Param.optional("name", "string", "smu", "device name"), Param.optional("cell", "string", "adc", "adc, hpdc or resistor"),
            Param.optional("furnace", "furnace|none", None.INSTANCE, "furnace whose temperature the cell has"),
            Param.optional("max_voltage", "voltage", Quantity.of(200, "V"), "instrument limit"),
            Param.optional("max_current", "current", Quantity.of(100, "mA"), "instrument limit"),
            Param.optional("q_max", "charge", Quantity.of(0.78, "C"), "extractable charge of the cell twin"),
            Param.optional("ohms", "resistance", Quantity.of(1, "Ω"), "resistance for cell = \"resistor\""),
            Param.optional("press", "press|none", None.INSTANCE, "press whose pressure the hpdc cell feels")));
        m.add(new NativeFunction("press", "press", doc("a (cubic-anvil) press", "press(name = \"press\", max_pressure = 6 GPa, max_rate = 2 GPa/h)",
            "let p = press()\np.compress(to = 1 GPa, rate = 1 GPa/h)", "Readings: pressure. Operations: compress(to, rate), release(rate).",
            "pressure in GPa", "seed 002"), LabLib::press, Param.optional("name", "string", "press", "device name"),
            Param.optional("max_pressure", "pressure", Quantity.of(6, "GPa"), "highest allowed load"),
            Param.optional("max_rate", "[GPa/h]", Quantity.of(2, "GPa/h"), "highest allowed rate")));
        m.add(new NativeFunction("gas", "gas line", doc("the furnace tube's gas line: inert-gas flow and a pump with a gauge",
            "gas(name = \"gas\", max_flow = 2 L/min, pump_base = 5e-4 Torr)",
            "let gas = gas()\ngas.purge(0.2 L/min)         # N2 purge (seed 000)\ngas.evacuate(to = 1e-3 Torr)  # vacuum anneal",
            "Readings: flow, pressure (the gauge). Operations: purge(rate), evacuate(to). The twin vents to 1 atm in ~10 s and pumps "
                + "down towards pump_base with a 60 s time constant; evacuate waits for the gauge. Safe state: the atmosphere is kept "
                + "(a hot sample is not vented to air). Live: a lab entry of driver scpi with readings flow/pressure and commands.",
            "flow as volume per time (L/min); pressure in Torr", "seed 000 (N2 flow; 10^-3 Torr rotary pump, 3.8e-6 Torr turbo)"),
            LabLib::gas, Param.optional("name", "string", "gas", "device name"),
            Param.optional("max_flow", "[L/min]", Quantity.of(2, "L/min"), "largest flow the controller may set"),
            Param.optional("pump_base", "pressure", Quantity.of(5e-4, "Torr"), "lowest pressure the pump reaches")));
        m.add(new NativeFunction("instrument", "instrument", doc("a generic instrument of the lab file (live runs only)",
            "instrument(name)", "let gauge = instrument(\"gauge\")\nprint(gauge.pressure)",
            "Readings and commands are those the lab file names for this device (driver: scpi).", "readings carry the units the lab file gives them", "adc lab configuration (docs/lab.md)"),
            LabLib::instrument, Param.required("name", "string", "device name in the lab file")));
        m.add(new NativeFunction("log_to", "none", doc("logs time and every reading of some devices into a CSV file in the run directory",
            "log_to(path, device, ..., every = 1 s)", "log_to(\"adc.csv\", f, s, every = 10 s)",
            "The header carries units. Rows are appended as time advances and flushed (every row in real time).", "every: a time",
            "adc procedure runtime (docs/lab.md); crash-safe logging as in Bluesky run documents"), LabLib::logTo, Param.required("path", "string", "file in the run directory").writes(), Param.rest("devices", "any", "devices"),
            Param.optional("every", "time", Quantity.of(1, "s"), "logging interval")));
        m.add(new NativeFunction("elapsed", "time", doc("time since the run started (virtual in a dry run)", "elapsed()",
            "print(elapsed() to h)", "Virtual time in a dry run, wall-clock time in a --live or --real-time run; a resumed run continues the clock of its journal.", "returned in h", "adc procedure runtime (docs/lab.md)"), a -> Quantity.of(a.env().procedures().now() / 3600, "h")));
        m.add(new NativeFunction("non_resumable", "none", doc("marks the following steps as a section that `adc run --resume` must not "
                + "continue (a sample that must not be reheated)", "non_resumable(reason)",
            "non_resumable(\"the quenched sample must not be reheated\")\nfurnace.ramp(to = 20 degC, rate = 50 degC/min)\nresumable()",
            "Until resumable() is called, a crash leaves a journal checkpoint that --resume refuses with this reason.", null,
            "Bluesky-style crash recovery"), a -> {
                engine(a).setResumable(a.string(0));
                return None.INSTANCE;
            }, Param.required("reason", "string", "why the section cannot be resumed")));
        m.add(new NativeFunction("resumable", "none", doc("ends a non_resumable section", "resumable()", "resumable()", null, null, null),
            a -> {
                engine(a).setResumable(null);
                return None.INSTANCE;
            }));
        m.add(new NativeFunction("time_step", "none", doc("sets the engine's time step (resolution of holds, limits and twins)",
            "time_step(1 s)", "time_step(10 s)", "Default 1 s. Holds, limits, logging and the twins advance by at most this step.", "dt: a time (s, min, h)", "adc procedure runtime (docs/lab.md)"), a -> {
                a.env().procedures().setMaxStep(a.si(0, Dimension.TIME));
                return None.INSTANCE;
            }, Param.required("dt", "time", "step")));
        return m;
    }

    private static ProcedureEngine engine(Args a) {
        return a.env().procedures();
    }

    /** The real instrument mapped to {@code name} in the lab file of a live run, registered; null: use the twin. */
    private static Device hardware(Args a, String name, String kind) {
        org.adc.procedure.DeviceFactory f = engine(a).deviceFactory();
        return f == null ? null : f.create(name, kind, engine(a));
    }

    /** A live instrument keeps the limits the recipe gives it, on top of the lab file's. */
    private static Device recipeLimits(Device d, Args a, String k1, int i1, String k2, int i2) {
        if (a.get(i1) instanceof Quantity q) {
            d.addRecipeLimit(k1, q);
        }
        if (a.get(i2) instanceof Quantity q) {
            d.addRecipeLimit(k2, q);
        }
        return d;
    }

    /** A twin's limit (SI): the recipe's, tightened to the lab file's for this name in a pre-flight dry run. */
    private static double lim(Args a, String key, double recipe) {
        org.adc.procedure.DeviceFactory f = engine(a).deviceFactory();
        Quantity q = f == null ? null : f.limits(a.string(0)).get(key);
        return q == null ? recipe : Math.min(recipe, q.si());
    }

    private static Object instrument(Args a) {
        Device d = hardware(a, a.string(0), "instrument");
        if (d == null) {
            throw new AdcError("instrument '" + a.string(0) + "' is not a live device",
                "map it in the lab file and run with --live --lab FILE; instruments have no digital twin");
        }
        return d;
    }

    private static Object furnace(Args a) {
        Device real = hardware(a, a.string(0), "furnace");
        if (real != null) {
            real.stallPolicy(a.string(4), a.number(5), a.si(6, Dimension.TEMPERATURE), a.si(7, Dimension.TIME));
            return recipeLimits(real, a, "max_temperature", 1, "max_rate", 2);
        }
        SimFurnace f = new SimFurnace(a.string(0), lim(a, "max_temperature", a.si(1, Dimension.TEMPERATURE)),
            lim(a, "max_rate", a.si(2, Dimension.HEATING_RATE)), a.si(3, Dimension.TIME), 600, 1273.15);
        org.adc.procedure.DeviceFactory lab = engine(a).deviceFactory();
        if (lab != null) {
            Quantity lo = lab.limits(a.string(0)).get("setpoint_low_limit");
            Quantity hi = lab.limits(a.string(0)).get("setpoint_high_limit");
            if (lo != null && hi != null) {
                f.setControllerLimits(lo.si(), hi.si());
            }
            lab.refusedOperations(a.string(0)).forEach(f::refuseOperation);
        }
        // the twin follows its setpoint and never stalls; the policy is checked here so the pre-flight refuses a bad one
        f.stallPolicy(a.string(4), a.number(5), a.si(6, Dimension.TEMPERATURE), a.si(7, Dimension.TIME));
        engine(a).register(f);
        return f;
    }

    private static Object smu(Args a) {
        Device real = hardware(a, a.string(0), "source-measure unit");
        if (real != null) {
            return recipeLimits(real, a, "max_voltage", 3, "max_current", 4);
        }
        SimFurnace f = null;
        if (a.has(2)) {
            if (!(a.get(2) instanceof SimFurnace sf)) {
                throw a.bad(2, "furnace");
            }
            f = sf;
        }
        String cell = a.string(1);
        CellLoad load;
        switch (cell) {
            case "adc" -> load = new AdcCellLoad(a.si(5, Dimension.CHARGE));
            case "hpdc" -> {
                HpdcCellLoad h = new HpdcCellLoad(a.has(5) ? a.si(5, Dimension.CHARGE) : 7.34);
                load = h;
            }
            case "resistor" -> load = new ResistorLoad(a.si(6, Dimension.RESISTANCE));
            default -> throw new AdcError("unknown cell '" + cell + "'", "use cell = \"adc\", \"hpdc\" or \"resistor\"");
        }
        SimSourceMeter s = new SimSourceMeter(a.string(0), lim(a, "max_voltage", a.si(3, Dimension.VOLTAGE)),
            lim(a, "max_current", a.si(4, Dimension.CURRENT)), load, f);
        engine(a).register(s);
        if (a.has(7) && load instanceof HpdcCellLoad h) {
            if (!(a.get(7) instanceof SimPress p)) {
                throw a.bad(7, "press");
            }
            p.attachCell(h);
        }
        return s;
    }

    private static Object press(Args a) {
        Device real = hardware(a, a.string(0), "press");
        if (real != null) {
            return recipeLimits(real, a, "max_pressure", 1, "max_rate", 2);
        }
        SimPress p = new SimPress(a.string(0), lim(a, "max_pressure", a.si(1, Dimension.PRESSURE)),
            lim(a, "max_rate", a.si(2, Dimension.PRESSURE.divide(Dimension.TIME))), null);
        engine(a).register(p);
        return p;
    }

    private static Object gas(Args a) {
        Device real = hardware(a, a.string(0), "gas line");
        if (real != null) {
            return real;
        }
        org.adc.device.SimGasLine g = new org.adc.device.SimGasLine(a.string(0),
            lim(a, "max_flow", a.si(1, Dimension.VOLUME.divide(Dimension.TIME))), a.si(2, Dimension.PRESSURE));
        engine(a).register(g);
        return g;
    }

    private static Object logTo(Args a) {
        List<Device> devs = new ArrayList<>();
        for (Object o : a.list(1)) {
            if (!(o instanceof Device d)) {
                throw new AdcError("log_to: " + org.adc.lang.Values.describe(o) + " is not a device", "pass devices such as furnace() or smu()");
            }
            devs.add(d);
        }
        engine(a).addLogger(a.string(0), a.si(2, Dimension.TIME), devs);
        return None.INSTANCE;
    }
}
