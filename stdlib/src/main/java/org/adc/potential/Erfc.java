package org.adc.potential;

/**
 * Complementary error function to double precision, from Apache Commons Math 3.6.1
 * ({@code org.apache.commons.math3.special.Erf.erfc}, regularized-gamma based, relative error ~1e-15).
 */
final class Erfc {
    private Erfc() {
    }

    static double erfc(double x) {
        return org.apache.commons.math3.special.Erf.erfc(x);
    }
}
