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
 * <p>{@link #goSafe()} runs the driver's safe-state commands with the link in safe mode (the longer
 * reconnect budget of the {@link ReconnectPolicy}); it is called by the engine on every end of a run.
 */
public abstract class HardwareDevice extends Device {
    protected final Link link;
    private final double pollEvery;
    private double nextPoll = Double.NEGATIVE_INFINITY;
    private String identity = "(not connected)";
    private boolean safing;
    private boolean connected;
    private final List<String[]> pending = new ArrayList<>();

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
    public void step(double t, double dt) {
        double now = t + dt;
        if (now >= nextPoll - 1e-9) {
            poll(now);
            nextPoll = now + pollEvery;
        }
    }

    @Override
    public final void goSafe() {
        link.safeMode(true);
        safing = true;
        try {
            commandSafe();
        } finally {
            safing = false;
            link.safeMode(false);
        }
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
        link.close();
    }
}
