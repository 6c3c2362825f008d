package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TDK-Lambda Genesys (GEN) supply over RS-232/RS-485 in its own command language (Genesys User's
 * Manual, chapter "RS232 & RS485 remote control", "Command set description"). Lines end in CR.
 * Every command is answered: a setting command with {@code OK}, a query with its value; anything
 * else (e.g. {@code E01} out of range, {@code C03} checksum) is an error naming the reply.
 *
 * <p>Sent: on every (re)open {@code ADR n} (selects the supply on the bus, replies OK); connect
 * {@code IDN?} (must name LAMBDA and GEN), {@code RMT REM}, {@code OUT 0}; apply {@code PV <V>},
 * {@code PC <A>}, {@code OUT 1}; poll {@code MV?}, {@code MC?}; safe {@code OUT 0}, {@code PV 0}.
 */
public final class GenesysSupply extends SupplyDevice {
    private final int address;

    /** @param address the supply's RS-485 address (0..30); @param maxVoltage V; @param maxCurrent A */
    public GenesysSupply(String name, Link link, double pollEvery, int address, double maxVoltage, double maxCurrent) {
        super(name, link, pollEvery, maxVoltage, maxCurrent);
        this.address = address;
        link.onOpen(() -> ok("ADR " + address, true));
    }

    /** Sends a setting command and requires the reply OK. */
    private void ok(String cmd, boolean raw) {
        String r;
        if (raw) {
            Transport t = transport();
            t.drain();
            t.writeLine(cmd);
            r = t.readLine();
        } else {
            r = query(cmd);
        }
        if (!r.strip().equals("OK")) {
            throw Replies.bad(name, cmd, r, "is not OK (Genesys error code)");
        }
    }

    private void ok(String cmd) {
        ok(cmd, false);
    }

    /** The Genesys language has no SCPI error queue: every command is answered OK or with its error at once. */
    @Override
    protected void clearStatus() {
    }

    @Override
    protected String identify() {
        String idn = query("IDN?");
        if (!idn.toUpperCase().contains("LAMBDA") || !idn.toUpperCase().contains("GEN")) {
            throw Replies.bad(name, "IDN?", idn, "does not name a TDK-Lambda Genesys supply");
        }
        return idn.strip() + " (address " + address + ")";
    }

    @Override
    protected void configure() {
        ok("RMT REM");
        ok("OUT 0");
        on = false;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("address", Integer.toString(address));
        m.put("output", query("OUT?").strip());
        m.put("programmed_voltage_V", query("PV?").strip());
        m.put("programmed_current_A", query("PC?").strip());
        return m;
    }

    @Override
    protected void sendApply(double v, double limitA) {
        ok("PV " + num(v));
        ok("PC " + num(limitA));
        ok("OUT 1");
    }

    @Override
    protected double[] measure() {
        double v = number("MV?", -0.5, maxVoltage * 1.1 + 0.5);
        double i = number("MC?", -0.01 - maxCurrent * 0.1, maxCurrent * 1.1 + 0.01);
        return new double[]{v, i};
    }

    @Override
    protected void sendOff() {
        ok("OUT 0");
        ok("PV 0");
    }
}
