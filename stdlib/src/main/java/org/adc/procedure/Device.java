package org.adc.procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.units.Quantity;

/**
 * An instrument a recipe drives: a furnace, a source-measure unit, a press. In a script its
 * readings are members ({@code furnace.temperature}, {@code smu.current}) and its operations are
 * methods ({@code furnace.ramp(to = 450 degC, rate = 5 degC/min)}). An operation outside a
 * {@code parallel} block waits until it is done; inside one it only starts.
 *
 * <p>Every device declares its limits (checked before a command is sent) and a safe state
 * (outputs off, heater down, pressure released) that the engine reaches on any end of a run.
 */
public abstract class Device implements HasMembers {
    protected final String name;
    protected ProcedureEngine engine;

    protected Device(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** "furnace", "source-measure unit", "press", ... */
    public abstract String kind();

    /** Advances the device (its simulation, or a poll of the real instrument) by dt seconds at time t. */
    public abstract void step(double t, double dt);

    /** Current readings with units, in a stable order (these are the logged columns). */
    public abstract Map<String, Quantity> readings();

    /** Commands the safe state: output off, heater setpoint down, pressure released. Does not wait. */
    public abstract void goSafe();

    /**
     * Order of the safe state, highest hazard first: 0 bias and high-voltage outputs (source-measure units, power
     * supplies, unknown instruments), 1 pressure and gas (presses, gas lines), 2 heaters (furnaces).
     */
    public int hazardRank() {
        return switch (kind()) {
            case "press", "gas line" -> 1;
            case "furnace" -> 2;
            default -> 0;
        };
    }

    /** True for a real instrument: its safe state runs on its own thread with a deadline and is reported on the console. */
    public boolean isHardware() {
        return false;
    }

    /** True while the readings are out of date (link lost, poll overdue): a log row then leaves this device's cells blank. */
    public boolean stale() {
        return false;
    }

    /** The safe state as reached, for the console: "output OFF (confirmed)", "setpoint 25 °C at 10 °C/min (written)". */
    public String safeStateText() {
        return "safe state commanded";
    }

    /** What is known of a device whose safe state could not be confirmed: "still at 100 °C setpoint". */
    public String unsafeStateText() {
        Map<String, Quantity> r = readings();
        Quantity sp = r.get("setpoint");
        if (sp != null) {
            return "still at " + org.adc.lang.Values.display(sp) + " setpoint";
        }
        Quantity v = r.get("voltage");
        if (v != null) {
            return "output may still be ON (last read " + org.adc.lang.Values.display(v) + ")";
        }
        StringBuilder sb = new StringBuilder("state unknown");
        r.forEach((k, q) -> sb.append(sb.length() == 13 ? " (last read " : ", ").append(k).append(' ').append(org.adc.lang.Values.display(q)));
        return r.isEmpty() ? sb.toString() : sb.append(')').toString();
    }

    /** What the recipe wants when this device stalls: "abort" (the default) or "alarm" (an event and a console line, then on). */
    private String onStall = "abort";
    private double stallFactor = 1.5;
    private double stallBand = 10;
    private double stallGrace = 300;

    /**
     * The recipe's stall policy ({@code furnace(on_stall = "abort", stall_factor = 1.5, stall_band = 10 K, stall_grace = 5 min)}):
     * an operation stalls when its process value is not within {@code band} (K) of the target by its planned duration ×
     * {@code factor} + {@code grace} (s), or at once when the device reports a reason ({@link #stallReason()}).
     */
    public void stallPolicy(String on, double factor, double band, double grace) {
        if (!on.equals("abort") && !on.equals("alarm")) {
            throw new ProcedureError(name + ": on_stall must be \"abort\" or \"alarm\", got \"" + on + "\"", "write on_stall = \"abort\"");
        }
        if (!(factor >= 1) || !(band > 0) || !(grace >= 0)) {
            throw new ProcedureError(name + ": stall_factor must be at least 1, stall_band positive and stall_grace not negative",
                "e.g. stall_factor = 1.5, stall_band = 10 K, stall_grace = 5 min");
        }
        onStall = on;
        stallFactor = factor;
        stallBand = band;
        stallGrace = grace;
    }

    public String onStall() {
        return onStall;
    }

    public double stallFactor() {
        return stallFactor;
    }

    /** Band around the target, K. */
    public double stallBand() {
        return stallBand;
    }

    /** Allowance on top of the planned duration × factor, s. */
    public double stallGrace() {
        return stallGrace;
    }

    /** Run time (s) the operation the stall check watches began (a ramp), NaN: nothing to watch. */
    public double operationStart() {
        return Double.NaN;
    }

    /** Its planned duration by the plan (|ΔT| / rate for a ramp), s. */
    public double plannedDuration() {
        return Double.NaN;
    }

    /** How far the process value is from the operation's target, K (NaN: unknown). */
    public double offTarget() {
        return Double.NaN;
    }

    /** Why the device cannot follow the plan now (controller in manual, output saturated), or null. */
    public String stallReason() {
        return null;
    }

    /** The engine gave up waiting for this device's safe state (drivers end their reconnects so others can take the port). */
    public void abandonSafe() {
    }

    /** Runs before each of the device's operations (drivers wait for a poll in progress). */
    protected void beforeOperation() {
    }

    /** One reading by name, or null (devices override this to avoid building the whole map). */
    public Quantity reading(String n) {
        return readings().get(n);
    }

    /** Number of readings (logged columns). */
    public int readingCount() {
        return readings().size();
    }

    /** Writes the readings' values, in their display units and in the order of {@link #readings()}, into {@code out}. */
    public void sample(double[] out, int at) {
        int i = at;
        for (Quantity q : readings().values()) {
            out[i++] = q.value();
        }
    }

    /** True while an operation is still running (a ramp not yet at its setpoint). */
    public boolean busy() {
        return false;
    }

    /** Declared limits, for the pre-flight summary and messages. */
    public abstract Map<String, Quantity> limits();

    /** Instrument identity (*IDN? or the twin's description) recorded at run start. */
    public String identity() {
        return "simulated " + kind() + " (adc digital twin)";
    }

    private final Map<String, Quantity> recipeLimits = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();

    /**
     * Makes operation {@code op} an error with {@code reason} before it does anything: a twin in the pre-flight is told
     * what its instrument cannot do (a controller without a programmer over its communications refuses {@code program}).
     */
    public void refuseOperation(String op, String reason) {
        refused.put(op, reason);
    }

    /**
     * A limit the recipe gives this device ({@code furnace(max_temperature = 460 degC)}); it applies on top of the
     * instrument's own (lab file) limits: every argument of an operation with the same dimension must not exceed it.
     */
    public void addRecipeLimit(String key, Quantity max) {
        recipeLimits.put(key, max);
    }

    private void checkRecipeLimits(org.adc.lang.Args a) {
        if (recipeLimits.isEmpty()) {
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof Quantity q) {
                for (Map.Entry<String, Quantity> e : recipeLimits.entrySet()) {
                    Quantity max = e.getValue();
                    if (q.dimension().equals(max.dimension()) && Math.abs(q.si()) > max.si() * (1 + 1e-12)) {
                        throw new ProcedureError(name + ": " + org.adc.lang.Values.display(q) + " is above the recipe's limit " + e.getKey()
                            + " = " + org.adc.lang.Values.display(max), "the recipe limits this device where it is created; lower the value");
                    }
                }
            }
        }
    }

    private static String describe(org.adc.lang.Args a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (a.has(i)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(org.adc.lang.Values.display(a.get(i)));
            }
        }
        return sb.toString();
    }

    /** The device's state for the journal (setpoints, integrals, model state); empty: nothing to restore. */
    public double[] saveState() {
        return new double[0];
    }

    /**
     * Restores a state from {@link #saveState} while a resumed run replays its journal: a twin takes its whole
     * model state; a driver only its own bookkeeping (charge, setpoints), nothing is sent to the instrument.
     */
    public void restoreState(double[] s) {
    }

    /**
     * What {@link #resumeLive} will switch back on, one line each ("smu: output ON at 50 V, compliance 0.001 A"), for the
     * operator to confirm before a resumed run touches the instrument; empty: nothing.
     */
    public List<String> outputsToRestore() {
        return List.of();
    }

    /** At the end of the replay of a resumed run: re-commands the instrument to the restored state (drivers). */
    public void resumeLive() {
    }

    /** Operations by name, bound to this device. */
    protected abstract List<NativeFunction> operations();

    void attach(ProcedureEngine e) {
        this.engine = e;
    }

    /** Waits (in the engine's time) until the running operation is done, unless inside a parallel block. */
    public void finish(String what) {
        if (engine != null) {
            engine.awaitDevice(this, what);
        }
    }

    private Map<String, NativeFunction> ops;

    private Map<String, NativeFunction> ops() {
        if (ops == null) {
            ops = new LinkedHashMap<>();
            for (NativeFunction f : operations()) {
                String step = name + "." + f.name();
                ops.put(f.name(), new NativeFunction(f.name(), f.returns(), f.doc(),
                    a -> {
                        String no = refused.get(f.name());
                        if (no != null) {
                            throw new ProcedureError(name + "." + f.name() + ": " + no, "change the recipe or the lab file; nothing was sent");
                        }
                        checkRecipeLimits(a);
                        beforeOperation();
                        return engine == null ? f.apply(a) : engine.operation(step + "(" + describe(a) + ")", () -> f.apply(a));
                    },
                    f.params().toArray(org.adc.lang.Param[]::new)));
            }
        }
        return ops;
    }

    @Override
    public Object member(String n) {
        Quantity r = reading(n);
        if (r != null) {
            return r;
        }
        NativeFunction f = ops().get(n);
        if (f != null) {
            return f;
        }
        switch (n) {
            case "name": return name;
            case "identity": return identity();
            case "busy": return busy();
            default: return null;
        }
    }

    @Override
    public Collection<String> memberNames() {
        List<String> names = new ArrayList<>(readings().keySet());
        names.addAll(ops().keySet());
        names.add("name");
        names.add("identity");
        names.add("busy");
        return names;
    }

    @Override
    public String typeName() {
        return kind();
    }

    @Override
    public String toString() {
        return "<" + kind() + " " + name + ">";
    }
}
