package org.adc.device.driver;

/**
 * A line-oriented byte channel to one instrument: a serial port ({@link SerialTransport}) or an
 * in-memory fake ({@link InMemoryTransport}) for unit tests. Text instruments (SCPI, TDK-Lambda
 * Genesys) exchange ASCII lines ended by the transport's terminator.
 *
 * <p>Every failure is a {@link LinkLostException}: a short write, a failed read, a read that
 * timed out with no complete line. Callers never see a partial line as a value.
 */
public interface Transport extends Channel {

    /** Discards whatever the instrument sent that nobody read (stale replies after a timeout). */
    void drain();

    /** Writes {@code line} plus the terminator; a short or failed write is a lost link. */
    void writeLine(String line);

    /** Reads one line without its terminator, waiting at most the read timeout; a timeout is a lost link. */
    String readLine();

}
