package org.adc.gcmc;

import org.adc.units.Constants;

/** Exact lattice-gas isotherms used as references for GCMC. Energies in eV, T in K. */
public final class ExactIsotherms {
    private ExactIsotherms() {
    }

    /**
     * Langmuir isotherm of independent sites: θ = 1 / (1 + exp((ε − μ)/kB T)) (Langmuir, J. Am.
     * Chem. Soc. 40 (1918) 1361; Hill, "An Introduction to Statistical Thermodynamics" (1960) §7-1).
     *
     * @param epsilon     site energy in eV
     * @param mu          chemical potential in eV
     * @param temperature T in K
     * @return coverage θ
     */
    public static double langmuir(double epsilon, double mu, double temperature) {
        return 1.0 / (1.0 + Math.exp((epsilon - mu) / (Constants.KB_EV * temperature)));
    }

    /**
     * Infinite 1D lattice gas with nearest-neighbour coupling J by the transfer matrix
     * T = [[1, √y], [√y, y w]] with y = exp(β(μ − ε)), w = exp(−βJ) (Ising model, Hill (1960)
     * §14-1; Baxter, "Exactly Solved Models" (1982) ch. 2). The largest eigenvalue is
     * λ = [1 + y w + √((1 − y w)² + 4 y)] / 2 and θ = y ∂ln λ/∂y.
     *
     * @param epsilon     site energy in eV
     * @param coupling    J in eV (&gt; 0 repulsive)
     * @param mu          μ in eV
     * @param temperature T in K
     * @return coverage θ
     */
    public static double latticeGas1D(double epsilon, double coupling, double mu, double temperature) {
        double beta = 1.0 / (Constants.KB_EV * temperature);
        double y = Math.exp(beta * (mu - epsilon));
        double w = Math.exp(-beta * coupling);
        double s = Math.sqrt((1 - y * w) * (1 - y * w) + 4 * y);
        double lam = 0.5 * (1 + y * w + s);
        double dlam = 0.5 * (w + ((y * w - 1) * w + 2) / s);
        return y * dlam / lam;
    }
}
