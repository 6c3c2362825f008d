package org.adc.units;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical dimension: integer exponents of the seven SI base dimensions
 * (length L, mass M, time T, electric current I, thermodynamic temperature Θ,
 * amount of substance N, luminous intensity J), as defined in the SI Brochure,
 * 9th edition (BIPM 2019), section 2.3.3.
 *
 * <p>Immutable. Two quantities can be added or compared only when their dimensions are
 * equal; products and quotients combine exponents.
 */
public final class Dimension {
    /** Names of the base dimensions, in exponent order. */
    static final String[] BASE_NAMES = {"length", "mass", "time", "current", "temperature", "amount", "luminous intensity"};
    static final String[] BASE_SYMBOLS = {"m", "kg", "s", "A", "K", "mol", "cd"};

    private final byte[] exp;

    private Dimension(byte[] exp) {
        this.exp = exp;
    }

    /** Dimension from exponents of L, M, T, I, Θ, N, J. */
    public static Dimension of(int l, int m, int t, int i, int theta, int n, int j) {
        return new Dimension(new byte[]{b(l), b(m), b(t), b(i), b(theta), b(n), b(j)});
    }

    /** An exponent as a byte; refuses exponents that a byte cannot hold instead of wrapping around. */
    private static byte b(long e) {
        if (e < Byte.MIN_VALUE || e > Byte.MAX_VALUE) {
            throw new UnitException("unit exponent " + e + " is out of range", "exponents of units must stay between -128 and 127");
        }
        return (byte) e;
    }

    public static final Dimension NONE = of(0, 0, 0, 0, 0, 0, 0);
    public static final Dimension LENGTH = of(1, 0, 0, 0, 0, 0, 0);
    public static final Dimension MASS = of(0, 1, 0, 0, 0, 0, 0);
    public static final Dimension TIME = of(0, 0, 1, 0, 0, 0, 0);
    public static final Dimension CURRENT = of(0, 0, 0, 1, 0, 0, 0);
    public static final Dimension TEMPERATURE = of(0, 0, 0, 0, 1, 0, 0);
    public static final Dimension AMOUNT = of(0, 0, 0, 0, 0, 1, 0);
    public static final Dimension LUMINOUS = of(0, 0, 0, 0, 0, 0, 1);
    public static final Dimension FREQUENCY = of(0, 0, -1, 0, 0, 0, 0);
    public static final Dimension FORCE = of(1, 1, -2, 0, 0, 0, 0);
    public static final Dimension ENERGY = of(2, 1, -2, 0, 0, 0, 0);
    public static final Dimension POWER = of(2, 1, -3, 0, 0, 0, 0);
    public static final Dimension PRESSURE = of(-1, 1, -2, 0, 0, 0, 0);
    public static final Dimension CHARGE = of(0, 0, 1, 1, 0, 0, 0);
    public static final Dimension VOLTAGE = of(2, 1, -3, -1, 0, 0, 0);
    public static final Dimension RESISTANCE = of(2, 1, -3, -2, 0, 0, 0);
    public static final Dimension CONDUCTANCE = of(-2, -1, 3, 2, 0, 0, 0);
    public static final Dimension CAPACITANCE = of(-2, -1, 4, 2, 0, 0, 0);
    public static final Dimension CONDUCTIVITY = of(-3, -1, 3, 2, 0, 0, 0);
    public static final Dimension AREA = of(2, 0, 0, 0, 0, 0, 0);
    public static final Dimension VOLUME = of(3, 0, 0, 0, 0, 0, 0);
    public static final Dimension VELOCITY = of(1, 0, -1, 0, 0, 0, 0);
    public static final Dimension DIFFUSIVITY = of(2, 0, -1, 0, 0, 0, 0);
    public static final Dimension DENSITY = of(-3, 1, 0, 0, 0, 0, 0);
    public static final Dimension MOLAR_MASS = of(0, 1, 0, 0, 0, -1, 0);
    public static final Dimension MOLAR_ENERGY = of(2, 1, -2, 0, 0, -1, 0);
    public static final Dimension CONCENTRATION = of(-3, 0, 0, 0, 0, 1, 0);
    public static final Dimension HEATING_RATE = of(0, 0, -1, 0, 1, 0, 0);
    public static final Dimension CURRENT_DENSITY = of(-2, 0, 0, 1, 0, 0, 0);
    public static final Dimension ENTROPY = of(2, 1, -2, 0, -1, 0, 0);
    public static final Dimension MAGNETIC_FLUX_DENSITY = of(0, 1, -2, -1, 0, 0, 0);
    public static final Dimension INDUCTANCE = of(2, 1, -2, -2, 0, 0, 0);
    public static final Dimension ELECTRIC_FIELD = of(1, 1, -3, -1, 0, 0, 0);
    public static final Dimension SPECIFIC_CAPACITY = of(0, -1, 1, 1, 0, 0, 0);

    private static final Map<Dimension, String> NAMES = new LinkedHashMap<>();
    static {
        NAMES.put(NONE, "dimensionless");
        NAMES.put(LENGTH, "length");
        NAMES.put(MASS, "mass");
        NAMES.put(TIME, "time");
        NAMES.put(CURRENT, "current");
        NAMES.put(TEMPERATURE, "temperature");
        NAMES.put(AMOUNT, "amount");
        NAMES.put(LUMINOUS, "luminous intensity");
        NAMES.put(FREQUENCY, "frequency");
        NAMES.put(FORCE, "force");
        NAMES.put(ENERGY, "energy");
        NAMES.put(POWER, "power");
        NAMES.put(PRESSURE, "pressure");
        NAMES.put(CHARGE, "charge");
        NAMES.put(VOLTAGE, "voltage");
        NAMES.put(RESISTANCE, "resistance");
        NAMES.put(CONDUCTANCE, "conductance");
        NAMES.put(CAPACITANCE, "capacitance");
        NAMES.put(CONDUCTIVITY, "conductivity");
        NAMES.put(AREA, "area");
        NAMES.put(VOLUME, "volume");
        NAMES.put(VELOCITY, "velocity");
        NAMES.put(DIFFUSIVITY, "diffusivity");
        NAMES.put(DENSITY, "density");
        NAMES.put(MOLAR_MASS, "molar mass");
        NAMES.put(MOLAR_ENERGY, "molar energy");
        NAMES.put(CONCENTRATION, "concentration");
        NAMES.put(HEATING_RATE, "heating rate");
        NAMES.put(CURRENT_DENSITY, "current density");
        NAMES.put(ENTROPY, "entropy");
        NAMES.put(MAGNETIC_FLUX_DENSITY, "magnetic flux density");
        NAMES.put(INDUCTANCE, "inductance");
        NAMES.put(ELECTRIC_FIELD, "electric field");
        NAMES.put(SPECIFIC_CAPACITY, "specific capacity");
    }

    /** The dimension with the given name ("energy", "temperature", ...), or null. */
    public static Dimension byName(String name) {
        for (Map.Entry<Dimension, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(name) || e.getValue().replace(' ', '_').equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** All named dimensions, name to dimension (for completion and docs). */
    public static Map<String, Dimension> named() {
        Map<String, Dimension> m = new LinkedHashMap<>();
        NAMES.forEach((d, n) -> m.put(n.replace(' ', '_'), d));
        return m;
    }

    /** Exponent of base dimension {@code index} (0 = length ... 6 = luminous intensity). */
    public int exponent(int index) {
        return exp[index];
    }

    public Dimension times(Dimension o) {
        byte[] r = new byte[7];
        for (int k = 0; k < 7; k++) {
            r[k] = b(exp[k] + o.exp[k]);
        }
        return new Dimension(r);
    }

    public Dimension divide(Dimension o) {
        byte[] r = new byte[7];
        for (int k = 0; k < 7; k++) {
            r[k] = b(exp[k] - o.exp[k]);
        }
        return new Dimension(r);
    }

    public Dimension pow(int p) {
        byte[] r = new byte[7];
        for (int k = 0; k < 7; k++) {
            r[k] = b((long) exp[k] * p);
        }
        return new Dimension(r);
    }

    /** The p-th root, or null when an exponent is not divisible by p. */
    public Dimension root(int p) {
        byte[] r = new byte[7];
        for (int k = 0; k < 7; k++) {
            if (exp[k] % p != 0) {
                return null;
            }
            r[k] = (byte) (exp[k] / p);
        }
        return new Dimension(r);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * The exponent of amount of substance by which this dimension exceeds {@code o}, when the two
     * differ only in that exponent (a molar vs a per-particle quantity); otherwise null.
     */
    public Integer amountOffset(Dimension o) {
        for (int k = 0; k < 7; k++) {
            if (k != 5 && exp[k] != o.exp[k]) {
                return null;
            }
        }
        return exp[5] - o.exp[5];
    }

    /** A readable name: "energy", "temperature", or a base-unit formula such as "m^2·s^-1". */
    public String name() {
        String n = NAMES.get(this);
        return n != null ? n : formula();
    }

    /** The dimension as a product of SI base units, e.g. "kg·m^2·s^-2". */
    public String formula() {
        if (isNone()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        int[] order = {1, 0, 2, 3, 4, 5, 6};
        for (int k : order) {
            if (exp[k] == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('·');
            }
            sb.append(BASE_SYMBOLS[k]);
            if (exp[k] != 1) {
                sb.append('^').append(exp[k]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && Arrays.equals(exp, d.exp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exp);
    }

    @Override
    public String toString() {
        return name();
    }
}
