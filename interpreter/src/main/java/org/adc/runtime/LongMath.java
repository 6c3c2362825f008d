package org.adc.runtime;

/**
 * Integer arithmetic that never wraps: each operation returns a long when the exact result fits
 * and a double (the nearest float to the exact result) when it does not. Only the overflowing
 * operation becomes a float; the operator nodes keep their long fast path for every later call.
 */
public final class LongMath {
    private LongMath() {
    }

    public static Object add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (Object) ((double) a + (double) b) : (Object) r;
    }

    public static Object sub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? (Object) ((double) a - (double) b) : (Object) r;
    }

    public static Object mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (Object) lo : (Object) ((double) a * (double) b);
    }

    public static Object neg(long a) {
        return a == Long.MIN_VALUE ? (Object) (-(double) a) : (Object) (-a);
    }

    /** Floor division for b != 0; only Long.MIN_VALUE // -1 overflows. */
    public static Object floorDiv(long a, long b) {
        return a == Long.MIN_VALUE && b == -1 ? (Object) (-(double) a) : (Object) Math.floorDiv(a, b);
    }

    /** floorDiv for b != 0, throwing ArithmeticException where the result does not fit a long. */
    public static long floorDivExact(long a, long b) {
        if (a == Long.MIN_VALUE && b == -1) {
            throw new ArithmeticException("long overflow");
        }
        return Math.floorDiv(a, b);
    }

    /** a to the power b (b >= 0) by squaring, throwing ArithmeticException on overflow. */
    public static long powExact(long a, long b) {
        long result = 1;
        long base = a;
        long e = b;
        while (true) {
            if ((e & 1) != 0) {
                result = Math.multiplyExact(result, base);
            }
            e >>= 1;
            if (e == 0) {
                return result;
            }
            if (base == 0 || base == 1) {
                return result;
            }
            base = Math.multiplyExact(base, base);
        }
    }

    /** a to the power b (b >= 0): a long when it fits, else the double power. */
    public static Object pow(long a, long b) {
        try {
            return powExact(a, b);
        } catch (ArithmeticException e) {
            return Math.pow(a, b);
        }
    }
}
