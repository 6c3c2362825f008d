package org.adc.device.driver;

/**
 * How a value sits in Modbus registers.
 * <ul>
 * <li>{@code scaled}: one signed 16-bit register holding value × 10^decimals (Eurotherm's "scaled
 *     integer" addresses 1..n: a display with one decimal sends 450.0 °C as 4500);</li>
 * <li>{@code float}: two registers, an IEEE 754 single, high word first (Eurotherm's full-precision
 *     addresses 0x8000 + 2 × n, 2000/3000 series communications manuals, "IEEE floating point").</li>
 * </ul>
 *
 * @param isFloat  true for IEEE float pairs
 * @param decimals decimal places of the scaled integer (ignored for floats)
 */
public record RegisterFormat(boolean isFloat, int decimals) {
    /** Full precision. */
    public static final RegisterFormat FLOAT = new RegisterFormat(true, 0);

    /** Register address of parameter {@code n} in this format (0x8000 + 2n for floats). */
    public int address(int n) {
        return isFloat ? 0x8000 + 2 * n : n;
    }

    /** Registers per value. */
    public int width() {
        return isFloat ? 2 : 1;
    }

    /** Decodes registers (unsigned 16-bit values) starting at {@code at}. */
    public double decode(int[] r, int at) {
        if (isFloat) {
            return Float.intBitsToFloat((r[at] << 16) | (r[at + 1] & 0xFFFF));
        }
        return (short) r[at] / Math.pow(10, decimals);
    }

    /** Encodes a value; a value that does not fit the scaled range is an error. */
    public int[] encode(double v) {
        if (isFloat) {
            int bits = Float.floatToIntBits((float) v);
            return new int[]{(bits >>> 16) & 0xFFFF, bits & 0xFFFF};
        }
        long raw = Math.round(v * Math.pow(10, decimals));
        if (raw < Short.MIN_VALUE || raw > Short.MAX_VALUE) {
            throw new IllegalArgumentException(v + " does not fit a 16-bit register with " + decimals + " decimals");
        }
        return new int[]{(int) raw & 0xFFFF};
    }
}
