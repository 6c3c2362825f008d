package org.adc.device.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.adc.procedure.Device;

/**
 * A {@link Device} backed by a real instrument behind a {@link Link}. The engine steps it like a
 * twin; a step polls the instrument at most every {@code pollEvery} seconds of run time and the
 * readings between polls are the last ones read. {@link #connect()} opens the link, reads the
 * instrument's identity and puts it into a known state with the output off; the lab factory then
 * records the identity and a settings snapshot as run events.
 *
 * <p>At connect and after every reconnect the instrument is identified, its status cleared and its
 * configuration applied before it is used (see {@link #clearStatus()} and the reconnect hook).
 *
 * <p>On the wall clock a poll runs on the device's own thread ("adc-poll-NAME"), so a device that is
 * slow to answer or reconnecting does not hold up the reading and limit checks of the others: the
 * engine's step only starts a poll when none is in progress and rethrows, at its next step, the
 * error of a poll that failed (its reconnect budget spent). Readings older than two poll intervals
 * plus one reply timeout are {@link #stale()} and are logged blank. Operations wait for a poll in
 * progress first, so the driver's state is only ever touched by one thread at a time. In virtual
 * time (tests) polls stay on the engine's thread.
 *
 * <p>{@link #goSafe()} runs the driver's safe-state commands with the link in safe mode (the longer
 * reconnect budget of the {@link ReconnectPolicy}); it is called by the engine on every end of a run,
 * on a thread of its own per device; {@link #abandonSafe()} ends its reconnects when the engine
 * gives up on the device.
 */
public abstract class HardwareDevice extends Device {
    protected final Link link;
    private final double pollEvery;
    private double nextPoll = Double.NEGATIVE_INFINITY;
    private String identity = "(not connected)";
    private volatile boolean safing;
    private volatile boolean connected;
    private final List<String[]> pending = java.util.Collections.synchronizedList(new ArrayList<>());
    private java.util.concurrent.ExecutorService poller;
    private java.util.concurrent.Future<?> inFlight;
    private volatile RuntimeException pollFailure;
    private volatile long lastGood = System.nanoTime();
    private volatile boolean failed;
    private volatile boolean safe;

    /** @param name device name; @param link connection with reconnect policy; @param pollEvery s between polls */
    protected HardwareDevice(String name, Link link, double pollEvery) {
        super(name);
        this.link = link;
        this.pollEvery = pollEvery;
        link.onEvent(this::event);
        link.onReconnect(this::reconnected);
    }

    /**
     * After a reconnect, before the instrument is used again: its identity is asked again and must be the one read at
     * connect (a power-cycled instrument answers the same; another instrument on the port is refused), its status and
     * error queue are cleared, the configuration is sent again, and, unless the link is reaching the safe state, the
     * output or setpoint the recipe had set is commanded again ({@link #resumeLive()}); recorded as a {@code link} event.
     */
    private void reconnected() {
        if (!connected) {
            return;
        }
        String now = identify();
        if (!now.equals(identity)) {
            throw new org.adc.procedure.ProcedureError(name + ": after a reconnect a different instrument answers on the port: '" + now
                + "' (at connect: '" + identity + "')", "check which instrument is on this port; the run was stopped");
        }
        clearStatus();
        double[] state = saveState();
        configure();
        restoreState(state);
        if (!safing) {
            resumeLive();
        }
        event("link", name + ": re-identified after the reconnect (" + now + "), configuration re-applied"
            + (safing ? "" : ", output/setpoint commanded again"));
    }

    /**
     * Clears the instrument's status and stale errors at connect and after a reconnect (SCPI: the error queue is read
     * out, each stale entry recorded as an event, then {@code *CLS}); nothing for instruments without one.
     */
    protected void clearStatus() {
    }

    /** Opens the link, reads the identity and configures the instrument (output off). */
    public final void connect() {
        link.open();
        try {
            identity = link.call("identification", this::identify);
            clearStatus();
            configure();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        connected = true;
        lastGood = System.nanoTime();
    }

    /**
     * Opens the link for the safe state only (the guardian, after adc died): no identification and no
     * configuration, which could change what the instrument does.
     */
    public final void openForSafeState() {
        link.open();
        assumeUnknownState();
    }

    /** Before a safe state without the run's knowledge (the guardian): drivers assume whatever could be running is. */
    protected void assumeUnknownState() {
    }

    /** Asks the instrument who it is ({@code *IDN?} or equivalent); an unexpected answer is an error. */
    protected abstract String identify();

    /** Puts the instrument into the state the driver expects (function, ranges, output off). */
    protected abstract void configure();

    /** The instrument settings at run start (for the run record), read back from the instrument where possible. */
    public abstract Map<String, String> settings();

    /** Reads the instrument (called from {@link #step} at most every pollEvery seconds); t is run time, s. */
    protected abstract void poll(double t);

    /** Commands the safe state (output off, setpoint down, pressure released). */
    protected abstract void commandSafe();

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public boolean isHardware() {
        return true;
    }

    private boolean async() {
        return engine != null && !engine.clock().isVirtual();
    }

    @Override
    public void step(double t, double dt) {
        double now = t + dt;
        RuntimeException f = pollFailure;
        if (f != null) {
            pollFailure = null;
            throw f;
        }
        if (!async()) {
            if (now >= nextPoll - 1e-9) {
                nextPoll = now + pollEvery;
                long started = System.nanoTime();
                try {
                    poll(now);
                } catch (RuntimeException e) {
                    failed = lastGood < started;
                    throw e;
                }
                failed = false;
                lastGood = System.nanoTime();
            }
            return;
        }
        if (now >= nextPoll - 1e-9 && (inFlight == null || inFlight.isDone()) && !safe) {
            nextPoll = now + pollEvery;
            if (poller == null) {
                poller = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread th = new Thread(r, "adc-poll-" + name);
                    th.setDaemon(true);
                    return th;
                });
            }
            inFlight = poller.submit(() -> {
                long started = System.nanoTime();
                try {
                    poll(now);
                    failed = false;
                    lastGood = System.nanoTime();
                } catch (RuntimeException e) {
                    // readings the driver took before it failed (a compliance trip) stay valid
                    failed = lastGood < started;
                    if (!safe) {
                        pollFailure = e;
                    }
                }
            });
        }
    }

    /** Drivers call this once a poll has read its values, before checks that may still fail (a compliance trip). */
    protected final void markFresh() {
        lastGood = System.nanoTime();
    }

    /** Readings older than two poll intervals plus a reply timeout, or from before a failed poll. */
    @Override
    public boolean stale() {
        return failed || System.nanoTime() - lastGood > (long) ((2 * pollEvery + 1.0) * 1e9);
    }

    @Override
    protected void beforeOperation() {
        java.util.concurrent.Future<?> f = inFlight;
        if (f != null) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // the poll records its own failure
            }
        }
        RuntimeException pf = pollFailure;
        if (pf != null) {
            pollFailure = null;
            throw pf;
        }
    }

    @Override
    public final void goSafe() {
        if (engine != null && engine.safing()) {
            // the end of the run: no more polls (a recipe's own off() keeps them going)
            safe = true;
        }
        link.safeMode(true);
        safing = true;
        try {
            commandSafe();
        } finally {
            safing = false;
            link.safeMode(false);
        }
    }

    @Override
    public String safeStateText() {
        return "safe-state commands delivered";
    }

    @Override
    public java.util.List<String> outputsToRestore() {
        return saveState().length == 0 ? java.util.List.of()
            : java.util.List.of(name + ": the state recorded in the journal (setpoints, outputs) is commanded again");
    }

    @Override
    public void abandonSafe() {
        link.cancel();
    }

    /** Records an event; before the device is registered with an engine (while connecting) it is kept until then. */
    protected void event(String kind, String message) {
        if (engine == null) {
            pending.add(new String[]{kind, message});
            return;
        }
        flushEvents();
        engine.event(kind, message);
    }

    /** Records the events kept while connecting (the lab factory calls this right after registering the device). */
    public void flushEvents() {
        if (engine != null) {
            List<String[]> p = new ArrayList<>(pending);
            pending.clear();
            p.forEach(ev -> engine.event(ev[0], ev[1]));
        }
    }

    /** Closes the link (after the safe state). */
    public void close() {
        safe = true;
        if (poller != null) {
            poller.shutdownNow();
        }
        link.close();
    }
}
