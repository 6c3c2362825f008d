package org.adc.units;

/**
 * Physical constants, CODATA 2018 recommended values (E. Tiesinga, P. J. Mohr, D. B. Newell,
 * B. N. Taylor, "CODATA recommended values of the fundamental physical constants: 2018",
 * Rev. Mod. Phys. 93, 025010 (2021); NIST SP 961 (2019) wall chart). Since the 2019 SI redefinition,
 * h, e, kB, NA and c are exact; derived products of exact constants (R = NA·kB, F = NA·e) are exact
 * too and are given here to the digits CODATA prints.
 *
 * <p>Values are in coherent SI units; {@link #quantity} gives each as a {@link Quantity} in the unit
 * a materials scientist expects to see (kB in eV/K, h in eV·s).
 */
public final class Constants {
    private Constants() {
    }

    /** Boltzmann constant, J/K (exact). */
    public static final double KB = 1.380649e-23;
    /** Boltzmann constant, eV/K (CODATA 2018: 8.617333262... e-5, exact value truncated). */
    public static final double KB_EV = 8.617333262e-5;
    /** Avogadro constant, 1/mol (exact). */
    public static final double NA = 6.02214076e23;
    /** Elementary charge, C (exact). */
    public static final double QE = 1.602176634e-19;
    /** Faraday constant, C/mol (NA·e, exact; CODATA prints 96485.33212...). */
    public static final double FARADAY = 96485.33212;
    /** Molar gas constant, J/(mol·K) (NA·kB, exact; CODATA prints 8.314462618...). */
    public static final double RGAS = 8.314462618;
    /** Planck constant, J·s (exact). */
    public static final double H = 6.62607015e-34;
    /** Planck constant, eV·s. */
    public static final double H_EV = 4.135667696e-15;
    /** Reduced Planck constant, J·s. */
    public static final double HBAR = 1.054571817e-34;
    /** Reduced Planck constant, eV·s. */
    public static final double HBAR_EV = 6.582119569e-16;
    /** Speed of light in vacuum, m/s (exact). */
    public static final double C_LIGHT = 299792458.0;
    /** Vacuum electric permittivity, F/m (relative standard uncertainty 1.5e-10). */
    public static final double EPS0 = 8.8541878128e-12;
    /** Electron mass, kg. */
    public static final double M_E = 9.1093837015e-31;
    /** Atomic mass constant (1 u = 1 Da), kg. */
    public static final double AMU = 1.66053906660e-27;
    /** Bohr radius, m. */
    public static final double A0 = 5.29177210903e-11;

    /** kB in eV/K as a quantity. */
    public static Quantity kB() {
        return Quantity.of(KB_EV, "eV/K");
    }

    /** F in C/mol as a quantity. */
    public static Quantity faraday() {
        return Quantity.of(FARADAY, "C/mol");
    }

    /**
     * The constant {@code name} (kB, NA, qe, Faraday, Rgas, h_planck, hbar, c_light, eps0, m_e, amu, a0)
     * as a quantity in its display unit, or null when the name is not a constant.
     */
    public static Quantity quantity(String name) {
        switch (name) {
            case "kB": return kB();
            case "NA": return Quantity.of(NA, "1/mol");
            case "qe": return Quantity.of(QE, "C");
            case "Faraday": return faraday();
            case "Rgas": return Quantity.of(RGAS, "J/(mol*K)");
            case "h_planck": return Quantity.of(H_EV, "eV*s");
            case "hbar": return Quantity.of(HBAR_EV, "eV*s");
            case "c_light": return Quantity.of(C_LIGHT, "m/s");
            case "eps0": return Quantity.of(EPS0, "F/m");
            case "m_e": return Quantity.of(M_E, "kg");
            case "amu": return Quantity.of(AMU, "kg");
            case "a0": return Quantity.of(A0 * 1e10, "Å");
            default: return null;
        }
    }
}
