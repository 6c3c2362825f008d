package org.adc.procedure;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.adc.lang.Env;
import org.adc.units.Format;
import org.adc.units.Quantity;

/**
 * Runs the hardware side of a recipe, in the spirit of Bluesky's RunEngine: it owns the clock,
 * the devices, the data loggers and the limits (interlocks). Time advances only through the engine
 * ({@link #advanceTo}), in steps no longer than {@link #maxStep}; after every step each device is
 * stepped, due log rows are written and every limit is checked. A breached limit, an error or the
 * end of the run puts every device into its safe state ({@link #shutdown}) with the logs flushed.
 */
public final class ProcedureEngine {
    /** One entry of the run's event list (pauses, limit breaches, aborts, safe state). */
    public record Event(double t, String kind, String message) {
    }

    private final Clock clock;
    private final Env env;
    private final List<Device> devices = new ArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<Device> pending = new LinkedHashSet<>();
    private int parallelDepth;
    private double maxStep = 1.0;
    private boolean shutDown;
    private DeviceFactory deviceFactory;

    public ProcedureEngine(Clock clock, Env env) {
        this.clock = clock;
        this.env = env;
    }

    public Clock clock() {
        return clock;
    }

    /** Seconds since the run started. */
    public double now() {
        return clock.now();
    }

    public List<Event> events() {
        return events;
    }

    public List<Device> devices() {
        return devices;
    }

    /** Real instruments for names mapped in the lab file (live runs only); null: every device is a twin. */
    public void setDeviceFactory(DeviceFactory f) {
        this.deviceFactory = f;
    }

    /** The factory of real instruments, or null in dry runs. */
    public DeviceFactory deviceFactory() {
        return deviceFactory;
    }

    /** Longest time step in seconds (the resolution of holds, limits and the device models). */
    public void setMaxStep(double seconds) {
        this.maxStep = seconds;
    }

    public void event(String kind, String message) {
        events.add(new Event(now(), kind, message));
    }

    /** Adds a device; its identity is recorded as an event. */
    public void register(Device d) {
        for (Device o : devices) {
            if (o.name().equals(d.name())) {
                throw new ProcedureError("a device named '" + d.name() + "' already exists", "give each device its own name");
            }
        }
        d.attach(this);
        devices.add(d);
        event("device", d.name() + ": " + d.identity());
    }

    /** A limit: {@code ok} must stay true for the whole run; {@code text} describes it. */
    public void addLimit(BooleanSupplier ok, String text, String message) {
        Limit l = new Limit(ok, text, message);
        limits.add(l);
        check(l);
    }

    /** Logs time and all readings of {@code of} every {@code every} seconds into a CSV file in the run directory. */
    public void addLogger(String path, double every, List<Device> of) {
        Writer w = env.openWrite(path);
        Logger lg = new Logger(path, w, every, of, now());
        loggers.add(lg);
        lg.header();
        lg.row(now());
    }

    /** Flushes every data log, so that the run can read back what it logged so far. */
    public void flushLogs() {
        for (Logger lg : loggers) {
            lg.flush();
        }
    }

    public void enterParallel() {
        parallelDepth++;
    }

    /** Ends a parallel block: waits until every operation started in it is done. */
    public void exitParallel() {
        parallelDepth--;
        if (parallelDepth == 0) {
            List<Device> started = new ArrayList<>(pending);
            pending.clear();
            waitUntil(() -> started.stream().noneMatch(Device::busy), Double.POSITIVE_INFINITY, "parallel operations");
        }
    }

    /** Leaves a parallel block that failed: nothing to wait for. */
    public void abandonParallel() {
        parallelDepth--;
        if (parallelDepth == 0) {
            pending.clear();
        }
    }

    /** Called by a device operation: waits for it, or (inside parallel) leaves it running. */
    void awaitDevice(Device d, String what) {
        if (parallelDepth > 0) {
            pending.add(d);
            return;
        }
        waitUntil(() -> !d.busy(), Double.POSITIVE_INFINITY, what);
    }

    /** Advances time until {@code done} holds; a finite {@code timeout} (s) that runs out is an error. */
    public void waitUntil(BooleanSupplier done, double timeout, String what) {
        double end = now() + timeout;
        while (!done.getAsBoolean()) {
            if (now() >= end) {
                throw new ProcedureError(what + " did not finish within " + Format.number(timeout) + " s", "check the device and the setpoint");
            }
            advanceTo(Math.min(end, now() + maxStep));
        }
    }

    /**
     * Dwell: for {@code duration} seconds, or until {@code until} holds, whichever is first. With a
     * holdback band (K), the dwell clock runs only while every furnace is within the band of its
     * setpoint (Eurotherm's holdback).
     */
    public void hold(double duration, BooleanSupplier until, double holdbackKelvin, double checkEvery) {
        double step = Math.min(maxStep, checkEvery);
        double held = 0;
        while (held < duration) {
            if (until != null && until.getAsBoolean()) {
                return;
            }
            double dt = Math.min(step, duration - held);
            advanceTo(now() + dt);
            if (holdbackKelvin <= 0 || furnacesWithin(holdbackKelvin)) {
                held += dt;
            }
        }
    }

    private boolean furnacesWithin(double band) {
        for (Device d : devices) {
            if (d instanceof Holdback f && !f.withinBand(band)) {
                return false;
            }
        }
        return true;
    }

    /** Moves time to {@code t}: steps devices, writes due log rows, checks limits. */
    public void advanceTo(double t) {
        while (now() < t - 1e-12) {
            double dt = Math.min(maxStep, t - now());
            for (Logger lg : loggers) {
                double due = lg.next - now();
                if (due > 1e-12 && due < dt) {
                    dt = due;
                }
            }
            double t0 = now();
            for (Device d : devices) {
                d.step(t0, dt);
            }
            try {
                clock.advanceTo(t0 + dt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcedureError("interrupted", "the run was interrupted; devices are in their safe state");
            }
            for (Logger lg : loggers) {
                if (now() >= lg.next - 1e-9) {
                    lg.row(now());
                }
            }
            for (Limit l : limits) {
                check(l);
            }
        }
    }

    private void check(Limit l) {
        if (!l.ok.getAsBoolean()) {
            event("limit", "breached: " + l.text);
            throw new ProcedureError("limit breached at t = " + Format.number(now() / 3600) + " h: " + l.text
                + (l.message == null ? "" : " (" + l.message + ")"), "the recipe was aborted; every device was put into its safe state");
        }
    }

    /** Puts every device into its safe state and closes the logs (normal end, abort, error). Idempotent. */
    public void shutdown(String reason) {
        if (shutDown) {
            return;
        }
        shutDown = true;
        for (Device d : devices) {
            try {
                d.goSafe();
            } catch (RuntimeException e) {
                event("error", d.name() + ": safe state failed: " + e.getMessage());
            }
        }
        event("safe state", reason);
        for (Logger lg : loggers) {
            lg.row(now());
            lg.close();
        }
    }

    /** A one-line summary of the devices and their limits, for the pre-flight report. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Device d : devices) {
            sb.append(d.name()).append(" (").append(d.kind()).append(")");
            Map<String, Quantity> lim = d.limits();
            if (!lim.isEmpty()) {
                sb.append(" limits: ");
                lim.forEach((k, v) -> sb.append(k).append(' ').append(v).append("; "));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private record Limit(BooleanSupplier ok, String text, String message) {
    }

    /** An append-only CSV log: header with units, one row every {@code every} seconds. */
    private final class Logger {
        final String path;
        final Writer w;
        final double every;
        final List<Device> of;
        double next;
        int rows;
        double[] values;

        Logger(String path, Writer w, double every, List<Device> of, double start) {
            this.path = path;
            this.w = w;
            this.every = every;
            this.of = of;
            this.next = start;
        }

        void header() {
            StringBuilder sb = new StringBuilder("t [s]");
            int n = 0;
            for (Device d : of) {
                n += d.readingCount();
            }
            values = new double[n];
            for (Device d : of) {
                d.readings().forEach((k, v) -> sb.append(',').append(d.name()).append('.').append(k)
                    .append(v.unit().isOne() ? "" : " [" + v.unit().symbol() + "]"));
            }
            write(sb.append('\n').toString());
        }

        void row(double t) {
            StringBuilder sb = new StringBuilder(64);
            double ts = Math.rint(t * 1e6) / 1e6;
            if (ts == Math.rint(ts) && Math.abs(ts) < 1e15) {
                sb.append((long) ts);
            } else {
                sb.append(ts);
            }
            int at = 0;
            for (Device d : of) {
                d.sample(values, at);
                at += d.readingCount();
            }
            for (double v : values) {
                sb.append(',');
                appendCompact(sb, v);
            }
            write(sb.append('\n').toString());
            rows++;
            next = t + every;
            if (!clock.isVirtual() || rows % 4096 == 0) {
                flush();
            }
        }

        /** Seven significant digits are plenty for logged readings and much shorter than Double.toString. */
        private void appendCompact(StringBuilder sb, double v) {
            if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                sb.append(v == 0 ? "0" : Double.toString(v));
                return;
            }
            sb.append((float) v);
        }

        void write(String s) {
            try {
                w.write(s);
            } catch (IOException e) {
                throw new ProcedureError("cannot write log " + path + ": " + e.getMessage(), "check the disk");
            }
        }

        void flush() {
            try {
                w.flush();
            } catch (IOException e) {
                throw new ProcedureError("cannot write log " + path + ": " + e.getMessage(), "check the disk");
            }
        }

        void close() {
            try {
                w.close();
            } catch (IOException e) {
                event("error", "closing " + path + ": " + e.getMessage());
            }
        }
    }
}
