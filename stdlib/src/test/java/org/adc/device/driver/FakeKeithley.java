package org.adc.device.driver;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A Keithley 2400 speaking SCPI on a pty. It keeps output state, voltage, compliance, the source
 * and sense configuration and an SCPI error queue: a command it does not know queues
 * {@code -113,"Undefined header"}, {@code :SYST:ERR?} pops the oldest entry (or {@code 0,"No error"}),
 * {@code *CLS} empties the queue. {@code :READ?} answers the elements of {@code :FORM:ELEM}: after
 * power-on all five (voltage, current, resistance, time, status, as the 2400 does after *RST /
 * power-on), "V,A" once {@code :FORM:ELEM VOLT,CURR} was sent. It records every command. A fault
 * plan decides, per {@code :READ?} number, what goes wrong: {@link Fault#GARBAGE} (a non-numeric
 * reply), {@link Fault#SILENT} (no reply), {@link Fault#TRIP} (current at compliance, trip flag 1),
 * {@link Fault#UNPLUG} (runs the unplug action, e.g. killing socat) or {@link Fault#POWERCYCLE}
 * (no reply, silent for 1.5 s while it "boots", then back with the power-on state: output off,
 * 0 V, compliance 105 µA, all five FORM elements, every setting forgotten). Option {@code stale}
 * starts it with two entries in its error queue (left from an earlier session).
 */
final class FakeKeithley extends FakeInstrument {
    enum Fault { NONE, GARBAGE, SILENT, TRIP, UNPLUG, POWERCYCLE }

    private final IntFunction<Fault> plan;
    private final Runnable unplug;
    private boolean on;
    private double volts;
    private double compliance = 1e-4;
    private boolean tripped;
    private int reads;
    private final java.util.ArrayDeque<String> errors = new java.util.ArrayDeque<>();
    private boolean twoElements;
    private long bootingUntil;
    private int powerCycles;

    FakeKeithley(String path, IntFunction<Fault> plan, Runnable unplug) {
        this(path, plan, unplug, false);
    }

    FakeKeithley(String path, IntFunction<Fault> plan, Runnable unplug, boolean stale) {
        super(path);
        this.plan = plan;
        this.unplug = unplug;
        powerOn();
        if (stale) {
            errors.add("-113,\"Undefined header\"");
            errors.add("-222,\"Data out of range\"");
        }
    }

    /** The state after power-on (2400 defaults). */
    private void powerOn() {
        on = false;
        volts = 0;
        compliance = 1.05e-4;
        tripped = false;
        twoElements = false;
        errors.clear();
    }

    @Override
    public synchronized boolean outputOn() {
        return on;
    }

    synchronized int reads() {
        return reads;
    }

    @Override
    protected void handle() {
        while (true) {
            byte[] b = in.toByteArray();
            int nl = -1;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                return;
            }
            String cmd = new String(b, 0, nl, StandardCharsets.US_ASCII).strip();
            in.reset();
            in.write(b, nl + 1, b.length - nl - 1);
            if (mute) {
                continue;
            }
            String reply = answer(cmd);
            if (reply != null && beforeReply()) {
                write(((garble() ? "#!&%garbage" : reply) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private synchronized String answer(String cmd) {
        if (System.currentTimeMillis() < bootingUntil) {
            return null;
        }
        if (bootingUntil > 0) {
            bootingUntil = 0;
            record("powered on");
        }
        record(cmd);
        String c = cmd.toUpperCase();
        if (c.equals("*IDN?")) {
            return "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1234567,C30 Mar 17 2006 09:29:29/A02 /K/J";
        }
        if (c.equals(":SYST:ERR?")) {
            return errors.isEmpty() ? "0,\"No error\"" : errors.poll();
        }
        if (c.equals("*CLS")) {
            errors.clear();
        } else if (c.equals(":FORM:ELEM VOLT,CURR")) {
            twoElements = true;
        } else if (c.equals(":SOUR:FUNC VOLT") || c.equals(":SENS:FUNC \"CURR\"") || c.equals(":SENS:CURR:RANG:AUTO ON")
            || c.equals(":SOUR:VOLT:MODE FIXED") || c.equals(":SOUR:CLE:AUTO OFF")) {
            // configuration the fake accepts (no effect on its model)
            return null;
        } else if (c.equals(":OUTP ON")) {
            on = true;
        } else if (c.equals(":OUTP OFF")) {
            on = false;
        } else if (c.startsWith(":SOUR:VOLT ")) {
            volts = Double.parseDouble(c.substring(11));
        } else if (c.startsWith(":SENS:CURR:PROT ")) {
            compliance = Double.parseDouble(c.substring(16));
        } else if (c.equals(":OUTP?")) {
            return on ? "1" : "0";
        } else if (c.equals(":SOUR:FUNC?")) {
            return "VOLT";
        } else if (c.equals(":SOUR:VOLT?")) {
            return Double.toString(volts);
        } else if (c.equals(":SENS:CURR:PROT?")) {
            return Double.toString(compliance);
        } else if (c.equals(":SENS:CURR:PROT:TRIP?")) {
            return tripped ? "1" : "0";
        } else if (c.equals(":READ?")) {
            reads++;
            Fault f = plan.apply(reads);
            switch (f) {
                case GARBAGE:
                    return "#!&%garbage";
                case SILENT:
                    return null;
                case UNPLUG:
                    new Thread(unplug).start();
                    return null;
                case TRIP:
                    tripped = true;
                    return reading(volts, compliance);
                case POWERCYCLE:
                    powerCycles++;
                    record("power cycle");
                    powerOn();
                    bootingUntil = System.currentTimeMillis() + 1500;
                    return null;
                default:
                    return reading(volts, on ? 2.0e-6 * volts / 50 : 0);
            }
        } else {
            errors.add("-113,\"Undefined header\"");
        }
        return null;
    }

    private String reading(double v, double i) {
        return twoElements ? v + "," + i : v + "," + i + ",9.91E37," + (reads * 0.5) + ",0";
    }

    synchronized int powerCycles() {
        return powerCycles;
    }
}
