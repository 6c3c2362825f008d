package org.adc.device.driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Modbus register bank for unit tests: holding registers of any slave address, a write log, and
 * {@link #cut()} to simulate a lost link.
 */
public final class InMemoryModbus implements ModbusClient {
    private final Map<Integer, Integer> regs = new HashMap<>();
    private final List<int[]> writes = new ArrayList<>();
    private boolean open;
    private boolean cut;

    /** Sets a register (as the instrument would). */
    public void set(int ref, int value) {
        regs.put(ref, value & 0xFFFF);
    }

    /** A register's value (0 if never written). */
    public int get(int ref) {
        return regs.getOrDefault(ref, 0);
    }

    /** Every write as {register, value}, in order. */
    public List<int[]> writes() {
        return writes;
    }

    /** The link goes away until {@link #restore()}. */
    public void cut() {
        cut = true;
        open = false;
    }

    /** The link comes back. */
    public void restore() {
        cut = false;
    }

    private void check() {
        if (!open || cut) {
            throw new LinkLostException("in-memory Modbus link is cut");
        }
    }

    @Override
    public int[] readHolding(int unit, int ref, int count) {
        check();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = get(ref + i);
        }
        return out;
    }

    @Override
    public void writeSingle(int unit, int ref, int value) {
        check();
        set(ref, value);
        writes.add(new int[]{ref, value & 0xFFFF});
    }

    @Override
    public void writeMultiple(int unit, int ref, int[] values) {
        check();
        for (int i = 0; i < values.length; i++) {
            set(ref + i, values[i]);
            writes.add(new int[]{ref + i, values[i] & 0xFFFF});
        }
    }

    @Override
    public void open() {
        if (cut) {
            throw new LinkLostException("in-memory Modbus link is cut");
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String describe() {
        return "in-memory Modbus";
    }

    @Override
    public void close() {
        open = false;
    }
}
