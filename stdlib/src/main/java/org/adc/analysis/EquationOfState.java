package org.adc.analysis;

import java.util.Locale;

import org.adc.lang.AdcError;

/**
 * Energy–volume equations of state fitted by least squares, as ASE's {@code ase.eos.EquationOfState}: the
 * minimum volume V0, the minimum energy E0, the bulk modulus B0 = V ∂²E/∂V² at V0 and its pressure
 * derivative B0'.
 *
 * <p>Forms (E as a function of V):
 * <ul>
 * <li>{@code birch_murnaghan} (third order): E = E0 + (9 V0 B0 / 16) {[(V0/V)^⅔ − 1]³ B0' + [(V0/V)^⅔ − 1]²
 * [6 − 4 (V0/V)^⅔]} — F. Birch, Phys. Rev. 71, 809 (1947), eq. (22) integrated as in ASE's {@code birchmurnaghan};
 * <li>{@code murnaghan}: E = E0 + B0 V / B0' [(V0/V)^B0' / (B0' − 1) + 1] − V0 B0 / (B0' − 1) — F. D. Murnaghan,
 * Proc. Natl. Acad. Sci. 30, 244 (1944);
 * <li>{@code vinet}: E = E0 + 2 B0 V0 / (B0' − 1)² {2 − [5 + 3 B0' (η − 1) − 3 η] exp[−3 (B0' − 1)(η − 1)/2]},
 * η = (V/V0)^⅓ — P. Vinet et al., J. Phys.: Condens. Matter 1, 1941 (1989).
 * </ul>
 *
 * <p>Units: volumes in Å³, energies in eV, B0 in eV/Å³ (× 160.21766 = GPa); callers convert. The start is a
 * parabola through the data (V0, E0, B0 from its vertex and curvature, B0' = 4, as ASE does); then
 * Levenberg–Marquardt ({@link LeastSquares#nonlinear}) gives the values and their standard errors.
 *
 * <p>Errors: fewer than 5 points; a parabola that opens downwards (no minimum); a fitted V0 outside the
 * sampled volumes (the minimum is not bracketed: an extrapolated V0 and B0 would be a silent guess).
 */
public final class EquationOfState {
    private EquationOfState() {
    }

    /** The named forms, as accepted by {@link #fit}. */
    public static final String[] FORMS = {"birch_murnaghan", "murnaghan", "vinet"};

    /**
     * Result of a fit: values and standard errors (Å³, eV, eV/Å³, dimensionless) and the fit statistics.
     */
    public record Fit(String form, double v0, double e0, double b0, double b0Prime, double v0Error, double e0Error,
                      double b0Error, double b0PrimeError, double rss, double r2, int points) {
    }

    /** E(V) of a form with parameters {E0, V0, B0, B0'} (eV, Å³, eV/Å³, 1). */
    public static double energy(String form, double[] p, double v) {
        double e0 = p[0];
        double v0 = p[1];
        double b0 = p[2];
        double bp = p[3];
        switch (form) {
            case "birch_murnaghan" -> {
                double x = Math.pow(v0 / v, 2.0 / 3.0) - 1;
                return e0 + 9.0 * v0 * b0 / 16.0 * (x * x * x * bp + x * x * (6 - 4 * (x + 1)));
            }
            case "murnaghan" -> {
                return e0 + b0 * v / bp * (Math.pow(v0 / v, bp) / (bp - 1) + 1) - v0 * b0 / (bp - 1);
            }
            case "vinet" -> {
                double eta = Math.cbrt(v / v0);
                return e0 + 2 * b0 * v0 / ((bp - 1) * (bp - 1))
                    * (2 - (5 + 3 * bp * (eta - 1) - 3 * eta) * Math.exp(-3 * (bp - 1) * (eta - 1) / 2));
            }
            default -> throw unknown(form);
        }
    }

    static AdcError unknown(String form) {
        return new AdcError("unknown equation of state '" + form + "'",
            "use one of " + String.join(", ", FORMS));
    }

    /**
     * Fits E(V).
     *
     * @param form one of {@link #FORMS}
     * @param v    volumes in Å³ (any order, at least 5, all positive)
     * @param e    energies in eV, one per volume
     */
    public static Fit fit(String form, double[] v, double[] e) {
        boolean known = false;
        for (String f : FORMS) {
            known |= f.equals(form);
        }
        if (!known) {
            throw unknown(form);
        }
        int n = v.length;
        if (n != e.length) {
            throw new AdcError("eos_fit: " + n + " volumes but " + e.length + " energies", "give one energy per volume");
        }
        if (n < 5) {
            throw new AdcError("eos_fit needs at least 5 points to fit 4 parameters with errors, got " + n,
                "compute energies at 5 to 9 volumes within about ±6 % of the expected minimum");
        }
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i]) || !Double.isFinite(e[i])) {
                throw new AdcError("eos_fit: point #" + (i + 1) + " has volume " + v[i] + " Å³ and energy " + e[i] + " eV",
                    "volumes must be positive and energies finite");
            }
            vmin = Math.min(vmin, v[i]);
            vmax = Math.max(vmax, v[i]);
        }
        // start: parabola E = c0 + c1 V + c2 V² in V relative to the mean (well conditioned)
        double vm = 0;
        for (double x : v) {
            vm += x;
        }
        vm /= n;
        double[][] design = new double[n][];
        for (int i = 0; i < n; i++) {
            double d = v[i] - vm;
            design[i] = new double[] {1, d, d * d};
        }
        FitResult par = LeastSquares.linear("eos_fit (parabola start)", new String[] {"c0", "c1", "c2"}, design, e);
        double c0 = par.values()[0];
        double c1 = par.values()[1];
        double c2 = par.values()[2];
        if (!(c2 > 0)) {
            throw new AdcError("eos_fit: the energies have no minimum in the sampled volumes (they curve downwards)",
                "check the energies (units, one formula unit per point) and sample both sides of the minimum");
        }
        double v0s = vm - c1 / (2 * c2);
        double e0s = c0 - c1 * c1 / (4 * c2);
        double b0s = 2 * c2 * v0s;
        if (v0s < vmin || v0s > vmax) {
            throw outside(v0s, vmin, vmax);
        }
        final double[] vv = v.clone();
        FitResult f = LeastSquares.nonlinear("eos_fit (" + form + ")", new String[] {"e0", "v0", "b0", "b0_prime"},
            (p, i) -> energy(form, p, vv[i]), e, new double[] {e0s, v0s, b0s, 4.0},
            new double[] {Math.max(Math.abs(e0s), 1e-3), v0s, Math.max(b0s, 1e-6), 4.0});
        double v0 = f.values()[1];
        if (!(v0 >= vmin && v0 <= vmax)) {
            throw outside(v0, vmin, vmax);
        }
        if (!(f.values()[2] > 0)) {
            throw new AdcError("eos_fit (" + form + "): the fit gives a bulk modulus ≤ 0", "check the energies and sample both sides of the minimum");
        }
        return new Fit(form, v0, f.values()[0], f.values()[2], f.values()[3], f.errors()[1], f.errors()[0], f.errors()[2],
            f.errors()[3], f.rss(), f.r2(), n);
    }

    private static AdcError outside(double v0, double vmin, double vmax) {
        return new AdcError(String.format(Locale.ROOT, "eos_fit: the minimum (V0 ≈ %.4g Å³) lies outside the sampled volumes "
            + "%.4g .. %.4g Å³, so V0 and B0 would be extrapolated", v0, vmin, vmax),
            "add volumes on the side of the minimum (or centre the scan on the lowest energy)");
    }
}
