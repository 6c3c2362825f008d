package org.adc.procedure;

import java.io.IOException;
import java.io.PrintStream;
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
    private volatile boolean shutDown;
    private DeviceFactory deviceFactory;
    /** The journal (null until first needed; disabled when the run has no directory). */
    private Journal journal;
    private boolean journalTried;
    private boolean journalClosed;
    private long lastSync = System.nanoTime();
    /** Steps started so far (device operations, holds, ends of parallel blocks). */
    private int opCount;
    private String currentStep;
    private boolean currentDone = true;
    /** Progress of the hold in progress (s). */
    private double held;
    private double resumeHeld;
    /** Start of the hold's current time step (NaN outside a hold), so a checkpoint inside it counts the part already done. */
    private double holdStepStart = Double.NaN;
    private double holdBand;
    private boolean resumable = true;
    private String nonResumableReason;
    private double lastCheckpoint = Double.NEGATIVE_INFINITY;
    private double checkpointEvery;
    /** Set while a resumed run replays what its journal says is done. */
    private Journal.Replay replay;
    private boolean resumedHere;
    private String outcome;
    private boolean halted;
    private final List<String> plan = new ArrayList<>();
    private java.util.function.Consumer<String> status;
    private final double planned;
    /** A dry run longer than this (s of virtual time) is taken for a hold that never ends. */
    private static final double MAX_VIRTUAL = 366 * 86400.0;

    public ProcedureEngine(Clock clock, Env env) {
        this.clock = clock;
        this.env = env;
        this.checkpointEvery = clock.isVirtual() ? 600 : 1;
        this.planned = RunControl.lastDuration();
        RunControl.setActive(this);
    }

    /**
     * Resumes a crashed run: the recipe is replayed from the start, steps the journal records as done are
     * skipped (their end state restored), and at the last checkpoint the run goes on live. A checkpoint
     * inside a non-resumable section refuses.
     */
    public void resumeFrom(Journal.Replay r) {
        Journal.Checkpoint last = r.last();
        if (!last.resumable()) {
            throw new ProcedureError("this run cannot be resumed: it stopped at t = " + Format.number(last.t() / 3600) + " h in step "
                + last.op() + (last.step() == null ? "" : " (" + last.step() + ")") + ", inside a non-resumable section: "
                + last.reason(), "the sample must not go through this section twice; start a new run with a new sample");
        }
        replay = r;
        events.addAll(r.events());
        env.quiet(true);
    }

    /** How the run ended when the operator stopped it ("aborted", "halted"), else null. */
    public String outcome() {
        return outcome;
    }

    /** True while a resumed run replays finished steps. */
    public boolean replaying() {
        return replay != null;
    }

    /** A status line for a live display, offered at every checkpoint on the wall clock (null: none). */
    public void setStatus(java.util.function.Consumer<String> s) {
        this.status = s;
    }

    /** The steps as run: start time, step, duration (the pre-flight summary). */
    public List<String> plan() {
        return plan;
    }

    /**
     * Marks the following steps as non-resumable (a sample that must not be reheated) or, with
     * {@code reason} null, resumable again. Written to the journal at once.
     */
    public void setResumable(String reason) {
        resumable = reason == null;
        nonResumableReason = reason;
        if (replay == null) {
            checkpoint(currentDone);
        }
    }

    public Clock clock() {
        return clock;
    }

    /** Seconds since the run started. */
    public double now() {
        return clock.now();
    }

    public List<Event> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
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
        // device threads (polls, safe state) report too: the event list has its own lock, not the engine's
        synchronized (events) {
            Event e = new Event(now(), kind, message);
            events.add(e);
            Journal j = journal();
            if (j != null && replay == null && !journalClosed) {
                j.event(e);
            }
        }
    }

    private Journal journal() {
        if (!journalTried) {
            journalTried = true;
            if (!env.journaled()) {
                return null;
            }
            try {
                LogFile f = env.openOwnLog(Journal.FILE, true);
                f.trimTornLine();
                journal = new Journal(f, !clock.isVirtual());
            } catch (RuntimeException | IOException e) {
                journal = null;
            }
        }
        return journal;
    }

    private void checkpoint(boolean done) {
        Journal j;
        synchronized (events) {
            j = journal();
        }
        if (j == null || shutDown) {
            return;
        }
        Map<String, double[]> st = new java.util.LinkedHashMap<>();
        for (Device d : devices) {
            st.put(d.name(), d.saveState());
        }
        Map<String, Double> logs = new java.util.LinkedHashMap<>();
        for (Logger lg : loggers) {
            logs.put(lg.path, lg.next);
        }
        double h = held;
        if (!Double.isNaN(holdStepStart) && (holdBand <= 0 || furnacesWithin(holdBand))) {
            h += now() - holdStepStart;
        }
        // every row the checkpoint counts as logged reaches the file before the checkpoint does (live runs sync each row):
        // a dry run killed at any moment resumes without a gap; fsync (power loss) at most once a wall second, CSV first
        boolean sync = clock.isVirtual() && System.nanoTime() - lastSync > 1_000_000_000L;
        if (clock.isVirtual()) {
            for (Logger lg : loggers) {
                if (sync) {
                    lg.sync();
                } else {
                    lg.flush();
                }
            }
        }
        synchronized (events) {
            j.checkpoint(new Journal.Checkpoint(opCount, done, now(), h, resumable, nonResumableReason, currentStep, st, logs,
                replay == null ? env.consoleBytes() : -1));
            if (sync) {
                j.sync();
                lastSync = System.nanoTime();
            } else if (clock.isVirtual()) {
                j.flush();
            }
        }
        lastCheckpoint = now();
    }

    private void restore(Journal.Checkpoint c) {
        clock.reset(c.t());
        for (Device d : devices) {
            double[] st = c.devices().get(d.name());
            if (st != null) {
                d.restoreState(st);
            }
        }
        resumable = c.resumable();
        nonResumableReason = c.reason();
    }

    /** Ends the replay of a resumed run: the last checkpoint's state, devices re-commanded, logs appended from there. */
    private void goLive(int op) {
        goLive(op, true);
    }

    /** @param live false: the run ends during its replay, nothing is commanded again */
    private void goLive(int op, boolean live) {
        Journal.Checkpoint c = replay.last();
        Journal.Replay replay0 = replay;
        replay = null;
        env.quiet(false);
        restore(c);
        resumedHere = !c.done() && c.op() == op;
        resumeHeld = resumedHere ? c.held() : 0;
        String lastUtc = replay0.lastUtc();
        if (lastUtc != null && !clock.isVirtual()) {
            java.time.Instant was = java.time.Instant.parse(lastUtc);
            java.time.Instant back = java.time.Instant.now();
            event("downtime", "no checkpoint from " + was + " (the last before the run stopped) to " + back + " (resumed): "
                + durationText(java.time.Duration.between(was, back).toMillis() / 1000.0) + " without the recipe in control");
        }
        List<String> outputs = new ArrayList<>();
        for (Device d : live ? devices : List.<Device>of()) {
            outputs.addAll(d.outputsToRestore());
        }
        java.util.function.Predicate<List<String>> confirm = RunControl.confirmOutputs();
        if (!outputs.isEmpty() && confirm != null && !confirm.test(outputs)) {
            event("resume refused", "the outputs to switch back on were not confirmed: " + outputs);
            outcome = "halted";
            halted = true;
            throw new ProcedureError("resume refused: the outputs it would switch back on were not confirmed (" + String.join("; ", outputs) + ")",
                "run adc run --resume again on a terminal and answer yes, or add --confirm-outputs; no device output was switched on");
        }
        if (!outputs.isEmpty()) {
            event("resume outputs", String.join("; ", outputs));
        }
        for (Device d : live ? devices : List.<Device>of()) {
            d.resumeLive();
        }
        for (Logger lg : loggers) {
            Double next = c.logs().get(lg.path);
            lg.next = Math.max(next == null ? now() : next, lg.lastLogged + lg.every);
        }
        event("resumed", "resumed at t = " + Format.number(now() / 3600) + " h, step " + (resumedHere ? op : c.op() + 1)
            + (c.step() == null ? "" : " (last: " + c.step() + ")") + (resumeHeld > 0 ? ", " + Format.number(resumeHeld) + " s of the hold already done" : ""));
        checkpoint(c.done());
    }

    /**
     * One step of the recipe (a device operation, a hold, the end of a parallel block): numbered for the
     * journal, skipped while a resumed run replays finished steps, skipped after a halt, journaled when done.
     */
    public Object operation(String what, java.util.function.Supplier<Object> body) {
        int k = ++opCount;
        if (replay != null) {
            Journal.Checkpoint done = replay.doneAt(k);
            if (done != null) {
                restore(done);
                return org.adc.lang.None.INSTANCE;
            }
            goLive(k);
        }
        if (halted || shutDown) {
            return org.adc.lang.None.INSTANCE;
        }
        checkControl();
        double t0 = now();
        currentStep = what;
        currentDone = false;
        held = 0;
        holdStepStart = Double.NaN;
        checkpoint(false);
        Object r = body.get();
        resumedHere = false;
        currentDone = true;
        plan.add(String.format(java.util.Locale.ROOT, "%s  %-40s %s", clockText(t0), what, now() > t0 ? durationText(now() - t0) : ""));
        checkpoint(true);
        return r;
    }

    static String clockText(double s) {
        long t = Math.round(s);
        long d = t / 86400;
        return (d > 0 ? d + " d " : "") + String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", (t % 86400) / 3600, (t % 3600) / 60, t % 60);
    }

    static String durationText(double s) {
        if (s < 120) {
            return Format.number(s) + " s";
        }
        if (s < 2 * 3600) {
            return Format.number(Math.round(s / 6) / 10.0) + " min";
        }
        if (s < 2 * 86400) {
            return Format.number(Math.round(s / 360) / 10.0) + " h";
        }
        return Format.number(Math.round(s / 8640) / 10.0) + " d";
    }

    /** Pause, abort or halt asked for by the operator (Ctrl-C), looked at every checkpoint. */
    private void checkControl() {
        if (RunControl.halting()) {
            halt();
        }
        if (!RunControl.takePause()) {
            return;
        }
        event("pause", "paused at t = " + Format.number(now() / 3600) + " h" + (currentStep == null ? "" : " in " + currentStep));
        checkpoint(currentDone);
        java.util.function.Function<String, String> prompt = RunControl.prompt();
        String answer;
        if (prompt == null) {
            answer = "abort";
        } else if (clock.isVirtual()) {
            answer = prompt.apply(pausePrompt());
        } else {
            // on the wall clock the run keeps logging and watching its limits while the operator decides
            java.util.concurrent.CompletableFuture<String> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> prompt.apply(pausePrompt()));
            while (!f.isDone()) {
                if (RunControl.halting()) {
                    halt();
                }
                stepOnce(Math.min(maxStep, 0.2));
            }
            answer = f.join();
        }
        answer = answer == null ? "abort" : answer.strip().toLowerCase(java.util.Locale.ROOT);
        if (answer.startsWith("h")) {
            halt();
        } else if (answer.startsWith("r")) {
            event("resume", "resumed by the operator");
        } else {
            abort();
        }
    }

    private String pausePrompt() {
        return "paused at t = " + clockText(now()) + (currentStep == null ? "" : " in " + currentStep)
            + ": [r]esume, [a]bort (runs finally, then the safe state), [h]alt (safe state now)? ";
    }

    private void abort() {
        outcome = "aborted";
        event("abort", "aborted by the operator");
        throw new ProcedureError("aborted by the operator at t = " + Format.number(now() / 3600) + " h",
            "the recipe's finally blocks ran and every device was put into its safe state; the run is marked aborted");
    }

    /**
     * SIGTERM or SIGHUP (from the signal's thread): marks the run halted and puts every device into its safe state at
     * once, concurrently, whatever the recipe's thread is doing; that thread stops at its next step.
     */
    public void haltBySignal(String signal) {
        if (shutDown || safing) {
            return;
        }
        outcome = "halted";
        halted = true;
        event("halt", "halted by " + signal);
        // the recipe's thread halts at its next step (logs closed there); the devices do not wait for it
        safeDevices("halt (" + signal + ")");
    }

    private void halt() {
        if (!halted) {
            event("halt", "halted by the operator");
        }
        outcome = "halted";
        halted = true;
        shutdown("halt");
        throw new ProcedureError("halted at t = " + Format.number(now() / 3600) + " h: every device was put into its safe state at once",
            "steps after the halt (also in finally blocks) were skipped; the run is marked halted");
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
        boolean resuming = replay != null;
        LogFile w = env.openLog(path, resuming);
        Logger lg = new Logger(path, w, every, of, now());
        loggers.add(lg);
        if (resuming) {
            lg.resume();
            return;
        }
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
            operation("parallel", () -> {
                List<Device> wait = resumedHere && started.isEmpty() ? devices : started;
                waitUntil(() -> wait.stream().noneMatch(Device::busy), Double.POSITIVE_INFINITY, "parallel operations");
                return null;
            });
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
        operation("hold " + (Double.isInfinite(duration) ? "until" : durationText(duration)), () -> {
            holdSteps(duration, until, holdbackKelvin, checkEvery);
            return null;
        });
    }

    private void holdSteps(double duration, BooleanSupplier until, double holdbackKelvin, double checkEvery) {
        double step = Math.min(maxStep, checkEvery);
        held = resumedHere ? resumeHeld : 0;
        while (held < duration) {
            if (until != null && until.getAsBoolean()) {
                return;
            }
            double dt = Math.min(step, duration - held);
            double t0 = now();
            holdStepStart = t0;
            holdBand = holdbackKelvin;
            advanceTo(t0 + dt);
            holdStepStart = Double.NaN;
            // the time that passed by the clock, not the step asked for: a slow link makes steps longer, never the hold
            if (holdbackKelvin <= 0 || furnacesWithin(holdbackKelvin)) {
                held += now() - t0;
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
        if (replay != null) {
            goLive(opCount);
        }
        while (now() < t - 1e-12) {
            if (shutDown) {
                throw new ProcedureError("the run has ended (safe state)", "no step can follow the safe state");
            }
            if (clock.isVirtual() && now() > MAX_VIRTUAL) {
                throw new ProcedureError("the dry run passed a year of virtual time" + (currentStep == null ? "" : " in " + currentStep),
                    "a hold without a duration may wait for a condition the digital twins never reach; give it a duration (hold 24 h until ...)");
            }
            stepOnce(Math.min(maxStep, t - now()));
            if (now() - lastCheckpoint >= checkpointEvery - 1e-9) {
                checkpoint(currentDone);
                java.util.function.Consumer<String> st = status != null ? status : RunControl.status();
                if (st != null && !clock.isVirtual()) {
                    st.accept(statusLine());
                }
            }
            checkControl();
        }
    }

    private String statusLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(clockText(now()));
        if (planned > now()) {
            sb.append(" (").append(clockText(planned - now())).append(" left)");
        }
        sb.append("  ").append(currentStep == null ? "" : currentStep);
        for (Device d : devices) {
            int n = 0;
            for (Map.Entry<String, Quantity> e : d.readings().entrySet()) {
                if (n++ < 2) {
                    sb.append(" | ").append(d.name()).append('.').append(e.getKey()).append(' ').append(e.getValue());
                }
            }
        }
        return sb.toString();
    }

    /** One time step of at most {@code maxDt}: devices stepped, due rows logged, limits checked. */
    private void stepOnce(double maxDt) {
        {
            double dt = maxDt;
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
            for (Device d : devices) {
                checkStall(d);
            }
        }
    }

    /** Operations (device, start time) whose stall was already reported under the "alarm" policy. */
    private final Set<String> stallReported = new java.util.HashSet<>();

    /**
     * The stall check of a device with an operation to watch (a live furnace's ramp and what follows it): its process
     * value must be within the band of the target by the planned duration × factor + grace, and the device must not
     * report a reason it cannot follow (controller in manual, output saturated). A stall is an event; the recipe's
     * policy then aborts the run (safe state) or, with "alarm", says so once and goes on.
     */
    private void checkStall(Device d) {
        double start = d.operationStart();
        if (Double.isNaN(start)) {
            return;
        }
        String why = d.stallReason();
        double planned = d.plannedDuration();
        double due = start + planned * d.stallFactor() + d.stallGrace();
        double off = d.offTarget();
        if (why == null && !Double.isNaN(planned) && now() > due && off > d.stallBand()) {
            why = "the process value is " + Format.number(Math.round(off * 10) / 10.0) + " K from the target after "
                + durationText(now() - start) + " (planned " + durationText(planned) + "; allowed " + durationText(due - start)
                + " to come within " + Format.number(d.stallBand()) + " K)";
        }
        if (why == null) {
            return;
        }
        String key = d.name() + "@" + start;
        if (d.onStall().equals("alarm")) {
            if (stallReported.add(key)) {
                event("stall", d.name() + ": " + why + " (on_stall = alarm: the run goes on)");
                PrintStream out = env.out();
                if (out != null) {
                    out.println("adc: ALARM: " + d.name() + " stalled: " + why);
                }
            }
            return;
        }
        event("stall", d.name() + ": " + why);
        throw new ProcedureError("stall at t = " + Format.number(now() / 3600) + " h: " + d.name() + ": " + why,
            "every device was put into its safe state (on_stall = abort); check the heater, the controller's auto/manual mode and "
                + "its output limit");
    }

    private void check(Limit l) {
        if (!l.ok.getAsBoolean()) {
            event("limit", "breached: " + l.text);
            throw new ProcedureError("limit breached at t = " + Format.number(now() / 3600) + " h: " + l.text
                + (l.message == null ? "" : " (" + l.message + ")"), "the recipe was aborted; every device was put into its safe state");
        }
    }

    /** Puts every device into its safe state and closes the logs (normal end, abort, error). Idempotent. */
    public synchronized void shutdown(String reason) {
        if (shutDown) {
            return;
        }
        if (replay != null) {
            goLive(opCount + 1, false);
        }
        boolean hardware = devices.stream().anyMatch(Device::isHardware);
        if (hardware && !safing) {
            // the readings at the decision (a compliance reading, the last good values) go into the logs before the
            // safe state changes them; stale ones are left blank
            finalRows();
        }
        safeDevices(reason);
        shutDown = true;
        if (!hardware) {
            finalRows();
        }
        for (Logger lg : loggers) {
            lg.close();
        }
        synchronized (events) {
            if (journal != null) {
                journal.close();
            }
            journalClosed = true;
        }
        if (!plan.isEmpty() && env.journaled()) {
            try (LogFile f = env.openOwnLog("plan.txt", false)) {
                f.write(planText());
            } catch (RuntimeException | IOException e) {
                // the plan is a convenience; the journal and the logs are what matter
            }
        }
        if (RunControl.active() == this) {
            RunControl.setActive(null);
        }
        RunControl.ended(now());
    }

    /** Set once the safe state of the devices has begun (by the end of the run, or by a signal from another thread). */
    private volatile boolean safing;
    private final Object safeLock = new Object();

    /** True once the safe state of the devices has begun; polls stop. */
    public boolean safing() {
        return safing;
    }

    /** The safe state of every device (twins at once, instruments concurrently); once, whichever thread comes first. */
    private void safeDevices(String reason) {
        synchronized (safeLock) {
            if (safing) {
                return;
            }
            safing = true;
            if (devices.stream().anyMatch(Device::isHardware)) {
                // the wall time of the decision, for judging how fast each instrument was made safe
                event("decision", "safe state decided at " + java.time.Instant.now() + ": " + reason);
            }
            boolean hardware = false;
            for (Device d : devices) {
                if (d.isHardware()) {
                    hardware = true;
                } else {
                    try {
                        d.goSafe();
                    } catch (RuntimeException e) {
                        event("error", d.name() + ": safe state failed: " + e.getMessage());
                    }
                }
            }
            if (hardware) {
                safeStateOfInstruments();
            }
            event("safe state", reason);
        }
    }

    private void finalRows() {
        for (Logger lg : loggers) {
            if (now() > lg.lastLogged + 1e-9) {
                try {
                    lg.row(now());
                } catch (RuntimeException e) {
                    event("error", "last row of " + lg.path + ": " + e.getMessage());
                }
            }
        }
    }

    /** Target time from the decision to a reachable instrument's confirmed safe state (s). */
    public static final double SAFE_TARGET_S = 2.0;
    /** Longest the end of a run waits for the instruments' safe state before reporting the rest unreachable (s). */
    public static final double SAFE_WAIT_S = 10.0;
    /** How long a device of lower hazard waits for those of higher hazard before it goes safe anyway (s). */
    static final double HAZARD_GRACE_S = 0.5;
    private final Map<String, String> finalStates = new java.util.LinkedHashMap<>();
    private boolean allSafe = true;

    /** Each instrument's state at the end of the run ("output OFF (confirmed)", "UNREACHABLE — ..."), after shutdown. */
    public synchronized Map<String, String> finalStates() {
        return new java.util.LinkedHashMap<>(finalStates);
    }

    /** True when every instrument confirmed its safe state at the end of the run. */
    public synchronized boolean allSafe() {
        return allSafe;
    }

    /**
     * The safe state of the real instruments: one thread per device, all started at once in order of hazard (outputs,
     * then pressure, then heaters; a device waits at most {@link #HAZARD_GRACE_S} for those of higher hazard), each
     * reported on the console by name with its final state and the time it took; a device not confirmed within
     * {@link #SAFE_WAIT_S} has its reconnects ended and is reported UNREACHABLE with what is known of it.
     */
    private void safeStateOfInstruments() {
        long decided = System.nanoTime();
        List<Device> hw = new ArrayList<>();
        for (Device d : devices) {
            if (d.isHardware()) {
                hw.add(d);
            }
        }
        hw.sort(java.util.Comparator.comparingInt(Device::hazardRank));
        Map<Device, java.util.concurrent.CompletableFuture<Double>> done = new java.util.LinkedHashMap<>();
        for (Device d : hw) {
            done.put(d, new java.util.concurrent.CompletableFuture<>());
        }
        for (Device d : hw) {
            List<java.util.concurrent.CompletableFuture<Double>> before = new ArrayList<>();
            done.forEach((o, f) -> {
                if (o.hazardRank() < d.hazardRank()) {
                    before.add(f);
                }
            });
            java.util.concurrent.CompletableFuture<Double> mine = done.get(d);
            Thread t = new Thread(() -> {
                try {
                    java.util.concurrent.CompletableFuture.allOf(before.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(Math.max(0, decided + (long) (HAZARD_GRACE_S * 1e9) - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (Exception waitedEnough) {
                    // a device of higher hazard is slow or failed: this one goes safe anyway
                }
                try {
                    d.goSafe();
                    mine.complete((System.nanoTime() - decided) * 1e-9);
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                }
            }, "adc-safe-" + d.name());
            t.setDaemon(true);
            t.start();
        }
        PrintStream out = env.out();
        for (Device d : hw) {
            String line;
            java.util.concurrent.CompletableFuture<Double> f = done.get(d);
            try {
                double took = f.get(Math.max(0, decided + (long) (SAFE_WAIT_S * 1e9) - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                line = d.safeStateText() + " (" + String.format(java.util.Locale.ROOT, "%.2f", took) + " s"
                    + (took > SAFE_TARGET_S ? ", over the " + Format.number(SAFE_TARGET_S) + " s target" : "") + ")";
                event("safe", d.name() + ": " + line);
            } catch (java.util.concurrent.TimeoutException e) {
                d.abandonSafe();
                allSafe = false;
                line = "UNREACHABLE \u2014 " + d.unsafeStateText() + " (no confirmation within " + Format.number(SAFE_WAIT_S) + " s)";
                event("unsafe", d.name() + ": " + line);
            } catch (java.util.concurrent.ExecutionException e) {
                allSafe = false;
                line = "UNREACHABLE \u2014 " + d.unsafeStateText() + " (" + e.getCause().getMessage() + ")";
                event("unsafe", d.name() + ": " + line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                allSafe = false;
                line = "not confirmed \u2014 " + d.unsafeStateText() + " (interrupted)";
                event("unsafe", d.name() + ": " + line);
            }
            finalStates.put(d.name(), line);
            if (out != null) {
                out.println(d.name() + ": " + line);
            }
        }
        if (out != null) {
            out.flush();
        }
    }

    /** True once the safe state has been commanded. */
    public boolean isShutDown() {
        return shutDown;
    }

    /** The steps as run, one a line, and the total duration. */
    public String planText() {
        StringBuilder sb = new StringBuilder();
        sb.append(plan.size()).append(" steps, total ").append(durationText(now())).append('\n');
        int n = plan.size();
        for (int i = 0; i < n; i++) {
            if (n > 40 && i == 30) {
                sb.append("  ... ").append(n - 38).append(" more steps ...\n");
                i = n - 8;
            }
            sb.append("  ").append(plan.get(i)).append('\n');
        }
        return sb.toString();
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

    /** The CSV logs' absolute time: ISO 8601 UTC with milliseconds, fixed width. */
    private static final java.time.format.DateTimeFormatter UTC =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private record Limit(BooleanSupplier ok, String text, String message) {
    }

    /** An append-only CSV log: header with units, one row every {@code every} seconds. */
    private final class Logger {
        final String path;
        final LogFile w;
        final double every;
        final List<Device> of;
        double next;
        double lastLogged = Double.NEGATIVE_INFINITY;
        int rows;
        double[] values;
        /** The last logged value of each column as a float and its text. */
        float[] lastFloat;
        String[] lastText;
        boolean[] staleCols;

        Logger(String path, LogFile w, double every, List<Device> of, double start) {
            this.path = path;
            this.w = w;
            this.every = every;
            this.of = of;
            this.next = start;
        }

        /** Appending to the log of a crashed run: a torn last row is dropped; rows go on after the last one kept. */
        void resume() {
            int n = 0;
            for (Device d : of) {
                n += d.readingCount();
            }
            values = new double[n];
            next = Double.POSITIVE_INFINITY;
            try {
                String last = w.trimTornLine();
                int comma = last.indexOf(',');
                lastLogged = Double.parseDouble(comma < 0 ? last : last.substring(0, comma));
            } catch (IOException | NumberFormatException e) {
                lastLogged = Double.NEGATIVE_INFINITY;
            }
        }

        void header() {
            StringBuilder sb = new StringBuilder(clock.isVirtual() ? "t [s]" : "t [s],utc");
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
            if (!clock.isVirtual()) {
                // absolute time of the row (UTC, ms), to line the log up with other records of the lab
                sb.append(',').append(UTC.format(java.time.Instant.ofEpochMilli(System.currentTimeMillis())));
            }
            int at = 0;
            if (staleCols == null || staleCols.length != values.length) {
                staleCols = new boolean[values.length];
            }
            for (Device d : of) {
                d.sample(values, at);
                boolean st = d.stale();
                int n = d.readingCount();
                for (int k = 0; k < n; k++) {
                    staleCols[at + k] = st;
                }
                at += n;
            }
            if (lastFloat == null || lastFloat.length != values.length) {
                lastFloat = new float[values.length];
                lastText = new String[values.length];
            }
            for (int i = 0; i < values.length; i++) {
                sb.append(',');
                if (staleCols[i]) {
                    // a reading that is out of date (lost link, overdue poll) is left blank, never repeated as new
                    lastText[i] = null;
                    continue;
                }
                double v = values[i];
                if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                    appendCompact(sb, v);
                    lastText[i] = null;
                    continue;
                }
                float f = (float) v;
                // a reading whose float has not changed (a setpoint, a voltage) reuses its text, which is exactly what
                // appendCompact would write again: formatting is the hot path of long dry runs
                if (lastText[i] != null && Float.floatToRawIntBits(f) == Float.floatToRawIntBits(lastFloat[i])) {
                    sb.append(lastText[i]);
                    continue;
                }
                int from = sb.length();
                sb.append(f);
                lastFloat[i] = f;
                lastText[i] = sb.substring(from);
            }
            write(sb.append('\n').toString());
            rows++;
            lastLogged = t;
            next = t + every;
            if (!clock.isVirtual()) {
                sync();
            } else if (rows % 4096 == 0) {
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
            } catch (java.io.UncheckedIOException e) {
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

        void sync() {
            try {
                w.sync();
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
