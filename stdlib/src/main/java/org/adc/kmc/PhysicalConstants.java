package org.adc.kmc;

/** CODATA 2018 exact / recommended constants used by kMC and GCMC. */
public final class PhysicalConstants {
    private PhysicalConstants() {
    }

    /** Boltzmann constant in eV/K (CODATA 2018, exact via e and k). */
    public static final double KB_EV = 8.617333262e-5;
    /** Boltzmann constant in J/K (CODATA 2018, exact). */
    public static final double KB_J = 1.380649e-23;
    /** Elementary charge in C (CODATA 2018, exact). */
    public static final double E_CHARGE = 1.602176634e-19;
    /** Avogadro constant in 1/mol (CODATA 2018, exact). */
    public static final double N_A = 6.02214076e23;
    /** Planck constant in J s (CODATA 2018, exact). */
    public static final double H_PLANCK = 6.62607015e-34;
    /** Atomic mass constant in kg (CODATA 2018). */
    public static final double AMU_KG = 1.66053906660e-27;
}
