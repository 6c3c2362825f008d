package org.adc.device.driver;

/**
 * Something a driver talks through that can be lost and opened again: a text {@link Transport} or
 * a {@link ModbusClient}. {@link Link} reconnects channels per a {@link ReconnectPolicy}.
 */
public interface Channel extends AutoCloseable {
    /** Opens (or re-opens) the channel. @throws LinkLostException when the port cannot be opened */
    void open();

    /** True while the channel is open. */
    boolean isOpen();

    /** Where the channel goes, for messages: the port path and settings. */
    String describe();

    /** Closes the channel; never throws. */
    @Override
    void close();
}
