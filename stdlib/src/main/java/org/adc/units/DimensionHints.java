package org.adc.units;

/**
 * What to say when a value has the wrong dimension, for the mistakes people make with the Boltzmann
 * constant: an energy divided by T alone (eV/K) where a number or an energy belongs, an energy
 * where a temperature belongs, and the other way round. One place, so the checker, argument
 * errors and math functions give the same hint.
 */
public final class DimensionHints {
    private DimensionHints() {
    }

    /** A hint for a {@code want} expected but {@code got} given, or null when there is nothing specific to say. */
    public static String forMismatch(Dimension want, Dimension got) {
        if (want == null || got == null) {
            return null;
        }
        Dimension energyPerKelvin = Dimension.ENERGY.divide(Dimension.TEMPERATURE);
        if (got.equals(energyPerKelvin)) {
            if (want.isNone()) {
                return "did you forget kB? energy/temperature (eV/K) is not a number: write E / (kB * T), not E / T";
            }
            if (want.equals(Dimension.ENERGY)) {
                return "did you forget kB? energy/temperature (eV/K) is an entropy or kB itself: an energy is kB * T";
            }
        }
        if (want.equals(Dimension.TEMPERATURE) && got.equals(Dimension.ENERGY)) {
            return "an energy is not a temperature; if this is kB·T, divide by kB (E / kB is a temperature)";
        }
        if (want.equals(Dimension.ENERGY) && got.equals(Dimension.TEMPERATURE)) {
            return "a temperature is not an energy; did you forget kB? (kB * T is an energy)";
        }
        if (want.isNone() && got.equals(Dimension.ENERGY)) {
            return "did you forget kB * T? divide the energy by it: E / (kB * T)";
        }
        return null;
    }

    /** {@link #forMismatch} or, when there is nothing specific, the plain advice to pass the expected dimension. */
    public static String orDefault(Dimension want, Dimension got) {
        String h = forMismatch(want, got);
        return h != null ? h : "pass a value in units of " + want.name();
    }
}
