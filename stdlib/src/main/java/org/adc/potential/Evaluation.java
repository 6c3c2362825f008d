package org.adc.potential;

/**
 * Result of one calculator call: total energy (eV), forces (double[3N], eV/Å) and the virial
 * W_ab = Σ_pairs r_ij,a f_ij,b (eV, double[9] row-major, symmetric), the quantity LAMMPS reports as
 * {@code compute pressure NULL virial} × V (metal units, without the kinetic part).
 *
 * <p>Stress follows ASE's sign convention: σ = −W / V (positive = tensile), reported in eV/Å³ or GPa
 * (1 eV/Å³ = 160.21766208 GPa).
 *
 * @param energy potential energy, eV
 * @param forces forces −∂E/∂x, double[3N], eV/Å
 * @param virial virial tensor, double[9], eV
 */
public record Evaluation(double energy, double[] forces, double[] virial) {
    /** eV/Å³ to GPa: e × 10³⁰ / 10⁹ with e = 1.602176634e-19 C (CODATA 2018). */
    public static final double EV_PER_A3_IN_GPA = 160.21766208;

    /** Stress tensor σ = −W/V in eV/Å³, double[9]; {@code volume} in Å³. */
    public double[] stress(double volume) {
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) {
            s[k] = -virial[k] / volume;
        }
        return s;
    }

    /** Stress tensor in GPa, double[9]. */
    public double[] stressGPa(double volume) {
        double[] s = stress(volume);
        for (int k = 0; k < 9; k++) {
            s[k] *= EV_PER_A3_IN_GPA;
        }
        return s;
    }

    /** Largest force norm |F_i| over atoms, eV/Å. */
    public double maxForce() {
        double m = 0;
        for (int i = 0; i < forces.length; i += 3) {
            m = Math.max(m, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        }
        return m;
    }
}
