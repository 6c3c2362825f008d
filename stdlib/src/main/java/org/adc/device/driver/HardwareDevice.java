package org.adc.device.driver;

import java.util.Map;

import org.adc.procedure.Device;

/**
 * A {@link Device} backed by a real instrument behind a {@link Link}. The engine steps it like a
 * twin; a step polls the instrument at most every {@code pollEvery} seconds of run time and the
 * readings between polls are the last ones read. {@link #connect()} opens the link, reads the
 * instrument's identity and puts it into a known state with the output off; the lab factory then
 * records the identity and a settings snapshot as run events.
 *
 * <p>{@link #goSafe()} runs the driver's safe-state commands with the link in safe mode (the longer
 * reconnect budget of the {@link ReconnectPolicy}); it is called by the engine on every end of a run.
 */
public abstract class HardwareDevice extends Device {
    protected final Link link;
    private final double pollEvery;
    private double nextPoll = Double.NEGATIVE_INFINITY;
    private String identity = "(not connected)";

    /** @param name device name; @param link connection with reconnect policy; @param pollEvery s between polls */
    protected HardwareDevice(String name, Link link, double pollEvery) {
        super(name);
        this.link = link;
        this.pollEvery = pollEvery;
        link.onEvent(m -> {
            if (engine != null) {
                engine.event("link", m);
            }
        });
    }

    /** Opens the link, reads the identity and configures the instrument (output off). */
    public final void connect() {
        link.open();
        identity = link.call("identification", this::identify);
        configure();
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
        try {
            commandSafe();
        } finally {
            link.safeMode(false);
        }
    }

    /** Records an event if the device is attached to an engine. */
    protected void event(String kind, String message) {
        if (engine != null) {
            engine.event(kind, message);
        }
    }

    /** Closes the link (after the safe state). */
    public void close() {
        link.close();
    }
}
