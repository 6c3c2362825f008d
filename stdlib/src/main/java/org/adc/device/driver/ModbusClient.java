package org.adc.device.driver;

/**
 * Modbus holding-register access to one serial bus: function codes 03 (read holding registers),
 * 06 (write single register) and 16 (write multiple registers) of the Modbus Application Protocol
 * Specification V1.1b3. Register numbers are protocol addresses (0-based, as sent on the wire).
 * A missing, truncated or corrupt reply (CRC) is a {@link LinkLostException}; an exception
 * response from the slave (illegal address, illegal value) is a
 * {@link org.adc.procedure.ProcedureError}.
 */
public interface ModbusClient extends Channel {
    /** Reads {@code count} holding registers from {@code ref} of slave {@code unit}; values 0..65535. */
    int[] readHolding(int unit, int ref, int count);

    /** Writes one holding register (function 06); {@code value} is taken modulo 2^16. */
    void writeSingle(int unit, int ref, int value);

    /** Writes consecutive holding registers (function 16). */
    void writeMultiple(int unit, int ref, int[] values);
}
