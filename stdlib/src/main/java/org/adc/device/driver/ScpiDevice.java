package org.adc.device.driver;

/**
 * Base of instruments that speak SCPI (IEEE 488.2 common commands plus SCPI subsystems) as text
 * lines over a {@link Transport}: {@link #send} writes a command, {@link #query} writes a query and
 * reads one reply line (stale input is drained first), {@link #number} parses and range-checks a
 * numeric reply. {@link #checkErrors()} reads {@code :SYST:ERR?} (SCPI-1999 "SYSTem:ERRor") until
 * the instrument reports {@code 0,"No error"}; any other entry is an error.
 *
 * <p>Hygiene: at connect and after every reconnect the error queue is read out (each stale entry is a
 * {@code stale error} event, not a refusal) and {@code *CLS} (IEEE 488.2 "clear status") is sent
 * before the configuration. A reply that does not parse as the numbers asked for is a
 * {@code garbage} event and the query is asked again, up to {@link #setGarbledRetries} times in a
 * row (lab file {@code reconnect: {garbled_retries: 1}}, the default); each repeat is a
 * {@code retry} event; one more garbled reply stops the run. Numbers are sent in the shortest
 * decimal form that is exactly the user's value ({@link #num}).
 */
public abstract class ScpiDevice extends HardwareDevice {
    private int garbledRetries = 1;

    /** @param name device name; @param link text link; @param pollEvery s between polls */
    protected ScpiDevice(String name, Link link, double pollEvery) {
        super(name, link, pollEvery);
    }

    /** The text transport behind the link. */
    protected Transport transport() {
        return (Transport) link.channel();
    }

    /** Sends a command that has no reply. */
    protected void send(String cmd) {
        link.run(cmd, () -> transport().writeLine(cmd));
    }

    /** Sends a query and returns its reply line. */
    protected String query(String cmd) {
        return link.call(cmd, () -> {
            Transport t = transport();
            t.drain();
            t.writeLine(cmd);
            return t.readLine();
        });
    }

    /** How many garbled replies in a row are answered by asking again (default 1; 0: the first one stops the run). */
    public void setGarbledRetries(int n) {
        this.garbledRetries = n;
    }

    /**
     * Sends a query whose reply must be {@code n} comma-separated numbers; a reply that does not parse is recorded
     * ({@code garbage}) and the query asked again, up to the configured number of times. Returns the last reply (the
     * caller's parse reports it when it still does not parse).
     */
    protected String queryNumbers(String cmd, int n) {
        for (int attempt = 0; ; attempt++) {
            String r = query(cmd);
            if (Replies.parses(r, n)) {
                return r;
            }
            boolean again = attempt < garbledRetries;
            event("garbage", name + ": garbled reply '" + SerialTransport.printable(r) + "' to '" + cmd + "'"
                + (again ? "" : " (" + garbledRetries + " retr" + (garbledRetries == 1 ? "y" : "ies") + " used)"));
            if (!again) {
                return r;
            }
            event("retry", name + ": '" + cmd + "' asked again after a garbled reply (" + (attempt + 1) + " of " + garbledRetries + ")");
        }
    }

    /** Sends a query and parses its reply as a number in [min, max] (a garbled reply is asked again, see {@link #queryNumbers}). */
    protected double number(String cmd, double min, double max) {
        return Replies.number(name, cmd, queryNumbers(cmd, 1), min, max);
    }

    /**
     * A number as sent to an instrument: the shortest decimal that is exactly the user's value, e.g. 1e-4 A (written
     * as 100 uA, which is 9.999999999999999e-5 in binary) is sent as {@code 0.0001}, 50 V as {@code 50}. The double is
     * rounded to 15 significant digits (every decimal of up to 15 digits survives the round trip through a double,
     * IEEE 754 §5.12.2), trailing zeros dropped; plain notation from 1e-5 to 1e9, otherwise NR3 ({@code 1E-7}).
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot send " + v + " to an instrument");
        }
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(15)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-5 && a < 1e9 ? d.toPlainString() : d.toString().replace("E+", "E");
    }

    @Override
    protected void clearStatus() {
        for (int i = 0; i < 50; i++) {
            String r = query(":SYST:ERR?");
            String code = r.split(",", 2)[0].strip();
            if (code.equals("0") || code.equals("+0")) {
                send("*CLS");
                return;
            }
            try {
                Integer.parseInt(code.replace("+", ""));
            } catch (NumberFormatException e) {
                throw Replies.bad(name, ":SYST:ERR?", r, "is not an SCPI error entry");
            }
            event("stale error", name + ": error left in the instrument's queue from before this run, cleared: " + r.strip());
        }
        throw new org.adc.procedure.ProcedureError(name + ": the instrument's error queue did not empty after 50 reads of :SYST:ERR?",
            "check the instrument (it may be reporting an error continuously) and its model in the lab file");
    }

    /** Reads the SCPI error queue; an entry other than 0 is an error naming it. */
    protected void checkErrors() {
        for (int i = 0; i < 10; i++) {
            String r = query(":SYST:ERR?");
            String code = r.split(",", 2)[0].strip();
            if (code.equals("0") || code.equals("+0")) {
                return;
            }
            try {
                Integer.parseInt(code.replace("+", ""));
            } catch (NumberFormatException e) {
                throw Replies.bad(name, ":SYST:ERR?", r, "is not an SCPI error entry");
            }
            throw new org.adc.procedure.ProcedureError(name + ": instrument reports error " + r,
                "the instrument refused a command; check the model in the lab file");
        }
    }
}
