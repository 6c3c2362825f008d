package org.adc.device.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keysight (Agilent) E36xx bench supply (E3631A/E3632A/E3640A family) over RS-232 SCPI. The
 * E36xx RS-232 interface expects 8 data bits, no parity and 2 stop bits by default (E3631A
 * User's Guide, "RS-232 interface configuration"); remote mode must be entered first.
 *
 * <p>Sent: connect {@code *IDN?} (must name the E36 model), {@code :SYST:ERR?} until 0 and
 * {@code *CLS} (stale errors recorded, see {@link ScpiDevice}), {@code SYST:REM}, {@code OUTP OFF},
 * {@code SYST:ERR?}; apply {@code VOLT <V>}, {@code CURR <A>}, {@code OUTP ON}, {@code SYST:ERR?};
 * poll {@code MEAS:VOLT?}, {@code MEAS:CURR?} (on the E36xx these measure the output without
 * changing it); safe {@code OUTP OFF}, {@code VOLT 0} (manual chapter "SCPI command summary",
 * "Output setting and operation commands", "Measurement commands").
 */
public final class KeysightE36xx extends SupplyDevice {
    /** @param maxVoltage V; @param maxCurrent A */
    public KeysightE36xx(String name, Link link, double pollEvery, double maxVoltage, double maxCurrent) {
        super(name, link, pollEvery, maxVoltage, maxCurrent);
    }

    @Override
    protected String identify() {
        String idn = query("*IDN?");
        if (!idn.toUpperCase().contains(",E36")) {
            throw Replies.bad(name, "*IDN?", idn, "does not name a Keysight/Agilent E36xx supply");
        }
        return idn.strip();
    }

    @Override
    protected void configure() {
        send("SYST:REM");
        send("OUTP OFF");
        on = false;
        checkErrors();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("output", query("OUTP?").strip());
        m.put("voltage_V", query("VOLT?").strip());
        m.put("current_limit_A", query("CURR?").strip());
        return m;
    }

    @Override
    protected void sendApply(double v, double limitA) {
        send("VOLT " + num(v));
        send("CURR " + num(limitA));
        send("OUTP ON");
        checkErrors();
    }

    @Override
    protected double[] measure() {
        double v = number("MEAS:VOLT?", -0.5, maxVoltage * 1.1 + 0.5);
        double i = number("MEAS:CURR?", -0.01 - maxCurrent * 0.1, maxCurrent * 1.1 + 0.01);
        return new double[]{v, i};
    }

    @Override
    protected void sendOff() {
        send("OUTP OFF");
        send("VOLT 0");
    }
}
