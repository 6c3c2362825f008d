package org.adc.units;

/**
 * A number with a unit. The value is stored in coherent SI units (kelvin for temperatures) and
 * shown in the display unit it was written in or derived from.
 *
 * <p>Temperature is affine (SI Brochure 9th ed., 2.3.4): a value written in degC or degF is an
 * <em>absolute</em> temperature. Absolute + difference is absolute; absolute − absolute is a
 * difference (shown in K); absolute + absolute is an error. In products, quotients and powers an
 * absolute temperature counts in kelvin ({@code kB * 450 degC} uses 723.15 K). Kelvin values are
 * neutral and can be added freely.
 *
 * <p>Molar and per-particle quantities differ by the amount-of-substance exponent; {@link #to}
 * converts between them with the Avogadro constant (CODATA 2018, exact), so
 * {@code 6 kJ/mol to meV} gives 62.18 meV per particle. Arithmetic never mixes them silently.
 */
public final class Quantity implements Comparable<Quantity> {
    /** Avogadro constant, 1/mol (CODATA 2018, exact). */
    public static final double AVOGADRO = 6.02214076e23;

    private final double si;
    private final Unit unit;
    private final boolean absolute;

    private Quantity(double si, Unit unit, boolean absolute) {
        this.si = si;
        this.unit = unit;
        this.absolute = absolute;
    }

    /** {@code value} expressed in {@code unit}; an affine unit (degC) makes an absolute temperature. */
    public static Quantity of(double value, Unit unit) {
        return new Quantity(value * unit.scale() + unit.offset(), unit, unit.isAffine());
    }

    /** {@code value} in the unit written as {@code unit}, e.g. {@code of(450, "degC")}. */
    public static Quantity of(double value, String unit) {
        return of(value, Units.parse(unit));
    }

    /** A quantity from its SI value, shown in {@code display} (no offset applied). */
    public static Quantity ofSi(double si, Unit display) {
        return new Quantity(si, display, false);
    }

    /**
     * A quantity exactly as it was: SI value, display unit and whether it is an absolute temperature on an offset scale
     * (results of tasks that ran in another process, org.adc.exec.TaskCodec).
     */
    public static Quantity restore(double si, Unit display, boolean absolute) {
        return new Quantity(si, display, absolute);
    }

    /** Value in coherent SI units (kelvin, joule, second, ...). */
    public double si() {
        return si;
    }

    public Unit unit() {
        return unit;
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    /** True for an absolute temperature written on an offset scale (degC, degF). */
    public boolean isAbsoluteTemperature() {
        return absolute;
    }

    /** The number shown with the display unit. */
    public double value() {
        return absolute ? (si - unit.offset()) / unit.scale() : si / unit.scale();
    }

    /** The number this quantity has in {@code u}; throws on a dimension mismatch. */
    public double valueIn(Unit u) {
        return to(u).value();
    }

    /** The SI value after checking the dimension (molar quantities convert to per-particle when {@code d} asks). */
    public double siIn(Dimension d, String what) {
        if (dimension().equals(d)) {
            return si;
        }
        Integer k = dimension().amountOffset(d);
        if (k != null) {
            return si * Math.pow(AVOGADRO, k);
        }
        String hint = DimensionHints.forMismatch(d, dimension());
        throw new UnitException(what + ": " + d.name() + " expected, got " + dimension().name() + " (" + this + ")",
            hint != null ? hint : "give a value in units of " + d.name());
    }

    public Quantity add(Quantity o) {
        requireSame(o, "+");
        if (absolute && o.absolute) {
            throw new UnitException("cannot add two absolute temperatures (" + this + " + " + o + ")",
                "a temperature step is a difference: write it in K (e.g. 20 K), or subtract to get a difference");
        }
        if (o.absolute) {
            return new Quantity(si + o.si, o.unit, true);
        }
        return new Quantity(si + o.si, unit, absolute);
    }

    public Quantity sub(Quantity o) {
        requireSame(o, "-");
        if (absolute && o.absolute) {
            return new Quantity(si - o.si, Units.atom("K"), false);
        }
        if (o.absolute) {
            return new Quantity(si - o.si, Units.atom("K"), false);
        }
        return new Quantity(si - o.si, unit, absolute);
    }

    public Quantity mul(Quantity o) {
        return new Quantity(si * o.si, productUnit().times(o.productUnit()), false);
    }

    public Quantity div(Quantity o) {
        return new Quantity(si / o.si, productUnit().divide(o.productUnit()), false);
    }

    public Quantity scale(double f) {
        return new Quantity(si * f, productUnit(), false);
    }

    /** 1/x. */
    public Quantity reciprocal() {
        return new Quantity(1.0 / si, Unit.ONE.divide(productUnit()), false);
    }

    /** −x. An absolute temperature has no negative: that is an error (write the literal −20 degC instead). */
    public Quantity negate() {
        if (absolute) {
            throw new UnitException("cannot negate an absolute temperature (" + this + ")",
                "write a negative temperature as a literal, e.g. -20 degC, or negate a difference in K");
        }
        return new Quantity(-si, productUnit(), false);
    }

    /** This temperature read as a difference: 10 degC → 10 K (used for range steps and ramp sizes). */
    public Quantity asDifference() {
        if (!absolute) {
            return this;
        }
        return new Quantity(value() * unit.scale(), Units.atom("K"), false);
    }

    /** x^p; fractional powers need a dimensionless quantity or an exact root of the dimension. */
    public Quantity pow(double p) {
        Unit base = productUnit();
        if (p == Math.rint(p)) {
            return new Quantity(Math.pow(si, p), base.pow((int) p), false);
        }
        for (int q = 2; q <= 4; q++) {
            double r = p * q;
            if (r == Math.rint(r)) {
                Unit root = base.root(q);
                if (root != null) {
                    return new Quantity(Math.pow(si, p), root.pow((int) r), false);
                }
            }
        }
        if (dimension().isNone()) {
            return new Quantity(Math.pow(si, p), Unit.ONE, false);
        }
        throw new UnitException("cannot raise " + dimension().name() + " to the power " + p,
            "only dimensionless values take arbitrary powers; take a root that keeps integer unit exponents");
    }

    /** Converts to {@code target}: same dimension, or molar ↔ per-particle through the Avogadro constant. */
    public Quantity to(Unit target) {
        if (dimension().equals(target.dimension())) {
            return new Quantity(si, target, target.isAffine());
        }
        Integer k = dimension().amountOffset(target.dimension());
        if (k != null) {
            return new Quantity(si * Math.pow(AVOGADRO, k), target, target.isAffine());
        }
        throw new UnitException("cannot convert " + dimension().name() + " (" + unit.symbol() + ") to "
            + target.dimension().name() + " (" + target.symbol() + ")", conversionHint(dimension(), target.dimension()));
    }

    static String conversionHint(Dimension from, Dimension to) {
        if (from.equals(Dimension.ENERGY) && to.equals(Dimension.TEMPERATURE)
            || from.equals(Dimension.TEMPERATURE) && to.equals(Dimension.ENERGY)) {
            return "energy and temperature are related by kB: write E / kB or kB * T";
        }
        if (from.equals(Dimension.ENERGY) && to.equals(Dimension.FREQUENCY)
            || from.equals(Dimension.FREQUENCY) && to.equals(Dimension.ENERGY)) {
            return "energy and frequency are related by Planck's constant: write E / h_planck";
        }
        return "the target unit must have the same dimension (" + from.name() + ")";
    }

    private Unit productUnit() {
        return absolute ? unit.kelvinForm() : unit;
    }

    private void requireSame(Quantity o, String op) {
        if (!dimension().equals(o.dimension())) {
            String hint = dimension().amountOffset(o.dimension()) != null
                ? "one side is molar, the other per particle: convert one with `to` (e.g. x to eV)"
                : "both sides of " + op + " must have the same dimension";
            throw new UnitException("cannot " + (op.equals("+") ? "add " : "subtract ") + o.dimension().name()
                + " (" + o + ") " + (op.equals("+") ? "to " : "from ") + dimension().name() + " (" + this + ")", hint);
        }
    }

    @Override
    public int compareTo(Quantity o) {
        if (!dimension().equals(o.dimension())) {
            throw new UnitException("cannot compare " + dimension().name() + " (" + this + ") with "
                + o.dimension().name() + " (" + o + ")", "compare values of the same dimension");
        }
        return Double.compare(si, o.si);
    }

    /** Equal dimension and equal SI value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.dimension().equals(dimension()) && q.si == si;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(si) * 31 + dimension().hashCode();
    }

    /** Display form, e.g. "723.15 K", "0.903 eV", "5 degC/min". */
    @Override
    public String toString() {
        String n = Format.number(value());
        return unit.isOne() ? n : n + " " + unit.symbol();
    }

    /** Display with a printf-style number format such as ".3f" or ".4g". */
    public String format(String spec) {
        String n = Format.number(value(), spec);
        return unit.isOne() ? n : n + " " + unit.symbol();
    }
}
