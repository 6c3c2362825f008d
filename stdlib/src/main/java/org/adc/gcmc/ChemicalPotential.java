package org.adc.gcmc;

import java.util.Locale;
import org.adc.units.Constants;

/**
 * Chemical-potential units and the ideal-gas activity. Internally μ is in eV per particle.
 *
 * <p><b>de Broglie convention.</b> The activity used by the insertion/deletion acceptance rules is
 * z = exp(βμ) / Λ³ with the thermal de Broglie wavelength Λ = h / √(2π m kB T) (Frenkel &amp; Smit,
 * "Understanding Molecular Simulation", 2nd ed. (2002), eqs. 5.6.1–5.6.9), so that an ideal gas has
 * number density ρ = z. For reduced Lennard-Jones work (NIST SRS convention) Λ = σ is used instead,
 * i.e. z* = z σ³ is given directly ({@link #activityReduced}).
 */
public final class ChemicalPotential {
    private ChemicalPotential() {
    }

    /**
     * Convert μ to eV per particle.
     *
     * @param value value
     * @param unit  one of "eV", "meV", "kJ/mol", "J/mol", "kcal/mol"
     * @return μ in eV
     * @throws GcmcException for an unknown unit or a unit that is not an energy (e.g. "K")
     */
    public static double toEv(double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new GcmcException("chemical potential is not finite: " + value + " " + unit);
        }
        String u = unit.trim();
        switch (u) {
            case "eV":
                return value;
            case "meV":
                return value * 1e-3;
            case "kJ/mol":
                return value * 1e3 / (Constants.QE * Constants.NA);
            case "J/mol":
                return value / (Constants.QE * Constants.NA);
            case "kcal/mol":
                return value * 4184.0 / (Constants.QE * Constants.NA);
            default:
                if (u.equals("K") || u.toLowerCase(Locale.ROOT).equals("kelvin") || u.equals("°C")) {
                    throw new GcmcException("chemical potential unit " + unit
                            + " is a temperature, not an energy per particle; give μ in eV, meV, kJ/mol, J/mol or kcal/mol");
                }
                throw new GcmcException("unknown chemical potential unit " + unit
                        + "; use eV, meV, kJ/mol, J/mol or kcal/mol");
        }
    }

    /**
     * Thermal de Broglie wavelength Λ = h / √(2π m kB T).
     *
     * @param massAmu     particle mass in u (e.g. 22.98976928 for Na)
     * @param temperature T in K
     * @return Λ in Å
     */
    public static double deBroglieWavelength(double massAmu, double temperature) {
        double m = massAmu * Constants.AMU;
        return Constants.H / Math.sqrt(2 * Math.PI * m * Constants.KB * temperature) * 1e10;
    }

    /**
     * Activity z = exp(μ / kB T) / Λ³.
     *
     * @param muEv        μ in eV (absolute, ideal-gas reference of Λ)
     * @param massAmu     mass in u
     * @param temperature T in K
     * @return z in Å⁻³
     */
    public static double activity(double muEv, double massAmu, double temperature) {
        double lam = deBroglieWavelength(massAmu, temperature);
        return Math.exp(muEv / (Constants.KB_EV * temperature)) / (lam * lam * lam);
    }

    /**
     * Activity in the reduced-unit convention Λ = σ (NIST SRS Lennard-Jones pages): z = exp(ln z*) / σ³.
     *
     * @param lnzReduced ln z* = βμ − 3 ln(Λ/σ) with Λ = σ, i.e. βμ
     * @param sigma      σ in Å
     * @return z in Å⁻³
     */
    public static double activityReduced(double lnzReduced, double sigma) {
        return Math.exp(lnzReduced) / (sigma * sigma * sigma);
    }
}
