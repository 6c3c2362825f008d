package org.adc.coulometry;

import org.adc.chem.Formula;
import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * Coulometry: the charge that moves a given amount of an ion, and charge from a current record.
 *
 * <p>Q = n_formula · ν_ion · fraction · z · F, with n_formula = m / M (M from IUPAC 2021 standard atomic weights)
 * and F = 96485.33212 C/mol (CODATA 2018). Seed 000 (Iwasaki et al., Adv. Mater. 2022, Supporting Information):
 * 0.9 C extracts all Na of the Na24Si136 crystal; with x going from 24 to 3.17 the fraction is 0.87 and Q_Na = 0.78 C.
 */
public final class Coulometry {
    private Coulometry() {
    }

    /**
     * Charge in C.
     *
     * @param formula  compound
     * @param massKg   sample mass, kg
     * @param ion      element symbol of the moving ion
     * @param z        charge number of the ion (1 for Na+)
     * @param fraction fraction of the ion moved, 0..1
     */
    public static double charge(Formula formula, double massKg, String ion, double z, double fraction) {
        double count = formula.count(ion);
        if (count <= 0) {
            throw new AdcError("ion '" + ion + "' is not in formula '" + formula.text() + "'",
                "give the moving ion's element symbol, e.g. ion = \"Na\"; the formula has " + String.join(", ", formula.counts().keySet()));
        }
        if (!(massKg > 0)) {
            throw new AdcError("sample mass must be positive, got " + massKg * 1e6 + " mg", "give the sample mass, e.g. 1.70 mg");
        }
        if (!(z > 0)) {
            throw new AdcError("charge number z must be positive, got " + z, "z is 1 for Na+ and Li+, 2 for Mg2+");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new AdcError("fraction must be between 0 and 1, got " + fraction,
                "fraction is the share of the ion that moves: 1 - 3.17/24 when Na24Si136 goes to Na3.17Si136");
        }
        double nFormula = massKg / (formula.molarMass() * 1e-3);
        return nFormula * count * fraction * z * Constants.FARADAY;
    }

    /** Trapezoid rule ∫ y dx over paired samples (SI values). At least two samples. */
    public static double trapezoid(double[] x, double[] y) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return s;
    }

    /** Running trapezoid integral: element i is ∫ from x[0] to x[i] (element 0 is 0). */
    public static double[] cumulativeTrapezoid(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            r[i] = r[i - 1] + (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return r;
    }
}
