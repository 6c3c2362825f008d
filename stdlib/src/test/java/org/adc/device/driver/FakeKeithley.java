package org.adc.device.driver;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A Keithley 2400 speaking SCPI on a pty. It keeps output state, voltage and compliance, answers
 * {@code :READ?} with "V,A" from a current source, and records every command. A fault plan decides,
 * per {@code :READ?} number, what goes wrong: {@link Fault#GARBAGE} (a non-numeric reply),
 * {@link Fault#SILENT} (no reply), {@link Fault#TRIP} (current at compliance, trip flag 1) or
 * {@link Fault#UNPLUG} (runs the unplug action, e.g. killing socat).
 */
final class FakeKeithley extends FakeInstrument {
    enum Fault { NONE, GARBAGE, SILENT, TRIP, UNPLUG }

    private final IntFunction<Fault> plan;
    private final Runnable unplug;
    private boolean on;
    private double volts;
    private double compliance = 1e-4;
    private boolean tripped;
    private int reads;

    FakeKeithley(String path, IntFunction<Fault> plan, Runnable unplug) {
        super(path);
        this.plan = plan;
        this.unplug = unplug;
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
        record(cmd);
        String c = cmd.toUpperCase();
        if (c.equals("*IDN?")) {
            return "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1234567,C30 Mar 17 2006 09:29:29/A02 /K/J";
        }
        if (c.equals(":SYST:ERR?")) {
            return "0,\"No error\"";
        }
        if (c.equals(":OUTP ON")) {
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
                    return volts + "," + compliance;
                default:
                    return volts + "," + (on ? 2.0e-6 * volts / 50 : 0);
            }
        }
        return null;
    }
}
