package org.adc.device.driver;

/**
 * Base of instruments that speak SCPI (IEEE 488.2 common commands plus SCPI subsystems) as text
 * lines over a {@link Transport}: {@link #send} writes a command, {@link #query} writes a query and
 * reads one reply line (stale input is drained first), {@link #number} parses and range-checks a
 * numeric reply. {@link #checkErrors()} reads {@code :SYST:ERR?} (SCPI-1999 "SYSTem:ERRor") until
 * the instrument reports {@code 0,"No error"}; any other entry is an error.
 */
public abstract class ScpiDevice extends HardwareDevice {
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

    /** Sends a query and parses its reply as a number in [min, max]. */
    protected double number(String cmd, double min, double max) {
        return Replies.number(name, cmd, query(cmd), min, max);
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
