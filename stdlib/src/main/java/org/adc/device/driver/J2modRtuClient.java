package org.adc.device.driver;

import java.nio.file.Files;
import java.nio.file.Path;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;

import org.adc.procedure.ProcedureError;

/**
 * Modbus RTU master over a serial line with j2mod ({@link ModbusSerialMaster}, which opens the port
 * through jSerialComm). One transaction per call, no j2mod-level retries: the {@link Link} decides
 * about reconnects. I/O errors, timeouts and CRC errors are a lost link; a slave's exception
 * response is an error naming the register.
 */
public final class J2modRtuClient implements ModbusClient {
    private final SerialSettings s;
    private final String device;
    private ModbusSerialMaster master;

    /** @param device device name for messages; @param settings port and line settings (timeout per transaction) */
    public J2modRtuClient(String device, SerialSettings settings) {
        this.device = device;
        this.s = settings;
    }

    @Override
    public void open() {
        close();
        if (!Files.exists(Path.of(s.port()))) {
            throw new LinkLostException("serial port " + s.port() + " does not exist");
        }
        SerialParameters p = new SerialParameters();
        p.setPortName(s.port());
        p.setBaudRate(s.baud());
        p.setDatabits(s.dataBits());
        p.setParity(s.jscParity());
        p.setStopbits(s.stopBits());
        p.setEncoding("rtu");
        p.setEcho(false);
        ModbusSerialMaster m = new ModbusSerialMaster(p, s.timeoutMs());
        try {
            m.connect();
        } catch (Exception e) {
            throw new LinkLostException("cannot open serial port " + s.port() + ": " + e.getMessage(), e);
        }
        // after connect: j2mod's setRetries only reaches a transaction that exists, and connect() makes a new one with the
        // library's default retries (each a full timeout), which multiplied the link's reconnect budget
        m.setRetries(0);
        master = m;
    }

    @Override
    public boolean isOpen() {
        return master != null && master.isConnected();
    }

    private ModbusSerialMaster master() {
        if (master == null) {
            throw new LinkLostException("serial port " + s.port() + " is not open");
        }
        return master;
    }

    private RuntimeException translate(String what, ModbusException e) {
        if (e instanceof ModbusSlaveException se) {
            return new ProcedureError(device + ": the controller refused " + what + " (Modbus exception " + se.getType() + ")",
                "check the register map and the value range");
        }
        close();
        if (e instanceof ModbusIOException) {
            return new LinkLostException(what + " on " + s.port() + ": " + e.getMessage(), e);
        }
        return new LinkLostException(what + " on " + s.port() + ": " + e.getMessage(), e);
    }

    @Override
    public int[] readHolding(int unit, int ref, int count) {
        try {
            Register[] r = master().readMultipleRegisters(unit, ref, count);
            if (r == null || r.length != count) {
                throw new LinkLostException("short reply reading " + count + " registers at " + ref + " on " + s.port());
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = r[i].toUnsignedShort();
            }
            return out;
        } catch (ModbusException e) {
            throw translate("reading register " + ref, e);
        }
    }

    @Override
    public void writeSingle(int unit, int ref, int value) {
        try {
            master().writeSingleRegister(unit, ref, new SimpleRegister(value & 0xFFFF));
        } catch (ModbusException e) {
            throw translate("writing register " + ref, e);
        }
    }

    @Override
    public void writeMultiple(int unit, int ref, int[] values) {
        Register[] r = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = new SimpleRegister(values[i] & 0xFFFF);
        }
        try {
            master().writeMultipleRegisters(unit, ref, r);
        } catch (ModbusException e) {
            throw translate("writing registers at " + ref, e);
        }
    }

    @Override
    public String describe() {
        return s + " (Modbus RTU)";
    }

    @Override
    public void close() {
        if (master != null) {
            try {
                master.disconnect();
            } catch (RuntimeException ignored) {
                // the port may already be gone
            }
            master = null;
        }
    }
}
