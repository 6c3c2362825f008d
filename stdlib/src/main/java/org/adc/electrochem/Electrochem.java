package org.adc.electrochem;

import org.adc.fit.LinearFit;
import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * Electrode energetics and kinetics in SI units (J, V, C, m³, mol).
 *
 * <p>Seed 003 (F. Legrain, O. I. Malyi, S. Manzhos, "Comparative computational study of the energetics of Li, Na,
 * and Mg storage in amorphous and crystalline silicon"): average anode voltage eq. 2
 * V = −(E(M_xSi) − E(Si) − x E(M)) / (z x e); voltage shift from amorphisation eq. 3 ΔV = ΔE_coh / (z x e);
 * volumetric energy density eq. 4 U = F V_avg / v · ξ / (1 + ξ); defect formation energy eq. 5
 * E_f = E(Si+M) − E(Si) − μ_M. Seed 004 (M. Li et al., Na storage in Sb, J. Mater. Chem. A): CV current split
 * i(V, ν) = k1 ν + k2 ν^½ (capacitive and diffusion-controlled parts).
 */
public final class Electrochem {
    private Electrochem() {
    }

    private static void positive(double v, String what, String hint) {
        if (!(v > 0)) {
            throw new AdcError(what + " must be positive, got " + org.adc.units.Format.number(v), hint);
        }
    }

    /** Average voltage vs the metal, V (energies in J per formula unit of host, per metal atom for eMetal). */
    public static double averageVoltage(double eAlloy, double eHost, double eMetal, double x, double z) {
        positive(x, "x (metal atoms per host formula unit)", "x is 3.75 for Li15Si4 per Si, 1 for NaSi, 2 for Mg2Si");
        positive(z, "z (valence electrons per metal atom)", "z is 1 for Li and Na, 2 for Mg");
        return -(eAlloy - eHost - x * eMetal) / (z * x * Constants.QE);
    }

    /** Voltage shift ΔV = ΔE_coh / (z x e), V (deCoh in J per host atom). */
    public static double voltageShift(double deCoh, double x, double z) {
        positive(x, "x (metal atoms per host atom)", "x is 3.75 for Li15Si4 per Si, 1 for NaSi, 2 for Mg2Si");
        positive(z, "z (valence electrons per metal atom)", "z is 1 for Li and Na, 2 for Mg");
        return deCoh / (z * x * Constants.QE);
    }

    /**
     * Volumetric energy density U = Q V_avg / v · ξ / (1 + ξ), J/m³, where v is the volume per valence charge:
     * per mole of charge (m³/mol, then Q = F) or per elementary charge (m³, then Q = e).
     */
    public static double energyDensity(double vAvg, double v, boolean molar, double xi) {
        positive(v, "v (volume per valence charge)", "give the volume taken by the metal per valence electron, e.g. 15 Å^3");
        if (!(xi >= 0)) {
            throw new AdcError("volume expansion ξ must be ≥ 0, got " + xi, "ξ is (V - V0) / V0, e.g. 2.8 for 280 %");
        }
        double q = molar ? Constants.FARADAY : Constants.QE;
        return q * vAvg / v * xi / (1 + xi);
    }

    /** Theoretical specific capacity n F / M in C/kg (molarMass in kg/mol). */
    public static double specificCapacity(double n, double molarMass) {
        positive(n, "n (electrons per formula unit)", "n is 3 for Sb → Na3Sb, 3.75 for Si → Li15Si4");
        return n * Constants.FARADAY / molarMass;
    }

    /**
     * Fits i = k1 ν + k2 ν^½ (Dunn's method) through i/ν^½ = k1 ν^½ + k2.
     *
     * @return {k1, k2, r2, σ_k1, σ_k2} (standard errors of the line fit; NaN with two scan rates)
     */
    public static double[] splitCurrent(double[] nu, double[] i) {
        double[] x = new double[nu.length];
        double[] y = new double[nu.length];
        for (int k = 0; k < nu.length; k++) {
            positive(nu[k], "scan rate #" + (k + 1), "scan rates are positive, e.g. 0.1 mV/s");
            x[k] = Math.sqrt(nu[k]);
            y[k] = i[k] / x[k];
        }
        LinearFit f = LinearFit.fit(x, y);
        return new double[] {f.slope(), f.intercept(), f.r2(), f.slopeError(), f.interceptError()};
    }
}
