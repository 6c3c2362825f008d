package org.adc.lib;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.adc.fit.Interpolation;
import org.adc.fit.LinearFit;
import org.adc.fit.PolynomialFit;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Dimension;
import org.adc.units.Format;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Library {@code math}: elementary functions and statistics that understand quantities.
 * Transcendental functions take dimensionless arguments only and say how to make one
 * ({@code exp(-ea / (kB * t))}); {@code sqrt}, {@code abs}, {@code min}, {@code max}, {@code sum}, {@code mean},
 * {@code std}, {@code round}, {@code floor}, {@code ceil} keep units. A dimensionless result is a plain float.
 */
public final class MathLib {
    private MathLib() {
    }

    private static final String STD = "IEEE 754 double precision (java.lang.Math)";

    /** A dimensionless argument as a plain double; a dimensioned quantity fails with a hint that names a fix. */
    static double dimensionless(Args a, int i, String what) {
        Object x = a.get(i);
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Double d) {
            return d;
        }
        if (x instanceof Quantity q) {
            if (q.dimension().isNone()) {
                return q.si();
            }
            throw new UnitException(a.functionName() + " of " + q.dimension().name() + " (" + q + "): " + what
                + " takes a dimensionless number", hintFor(q.dimension(), a.functionName()));
        }
        throw a.bad(i, "number");
    }

    static String hintFor(Dimension d, String fn) {
        if (d.equals(Dimension.ENERGY.divide(Dimension.TEMPERATURE))) {
            return "did you forget kB? energy/temperature (eV/K) is not a number: write " + fn + "(-ea / (kB * t)), not " + fn + "(-ea / t)";
        }
        if (d.equals(Dimension.ENERGY)) {
            return "divide by kB*T first: " + fn + "(-ea / (kB * t))";
        }
        if (d.equals(Dimension.MOLAR_ENERGY)) {
            return "divide a molar energy by Rgas*T: " + fn + "(-ea / (Rgas * t)), or convert with `to eV` and divide by kB*T";
        }
        if (d.equals(Dimension.of(0, 0, 0, 0, 0, -1, 0)) || d.equals(Dimension.AMOUNT)) {
            return "one side is molar, the other per particle: divide molar energies by Rgas*T and per-particle energies by kB*T";
        }
        if (d.equals(Dimension.TEMPERATURE)) {
            return "divide by a reference temperature, or use 1/T for an Arrhenius plot";
        }
        return "divide by a reference value in the same unit, e.g. " + fn + "(x / (1 " + Units.siUnit(d).symbol() + "))";
    }

    /** A dimensionless quantity becomes a plain float; other quantities stay. */
    static Object plain(Quantity q) {
        return q.dimension().isNone() ? (Object) q.si() : q;
    }

    private static NativeFunction unary(String name, String summary, String example, String description, DoubleUnaryOperator f,
                                        String what) {
        return new NativeFunction(name, "number", new Doc(summary, name + "(x)", example, description,
            "x dimensionless (a plain number, or a ratio of quantities whose units cancel); result a float",
            "a dimensioned argument fails with a hint: \"" + name + " of energy (0.903 eV): ... dimensionless\" "
                + "(hint: divide by kB*T first)",
            STD, "exp, ln, log10, log, sqrt"),
            a -> f.applyAsDouble(dimensionless(a, 0, what)), Param.required("x", "dimensionless", "dimensionless number"));
    }

    private static NativeFunction trig(String name, DoubleUnaryOperator f) {
        return new NativeFunction(name, "number", new Doc(name + " of an angle", name + "(x)",
            name + "(30 deg)\n" + name + "(pi / 4)", "The argument is in radians when a plain number; an angle written in "
                + "deg or rad is converted.", "x: angle (rad, deg) or plain number (radians); result a float",
            "a dimensioned argument fails: trigonometric functions take angles", STD, "sin, cos, tan, asin, acos, atan, pi"),
            a -> f.applyAsDouble(angle(a)), Param.required("x", "dimensionless", "angle"));
    }

    private static double angle(Args a) {
        Object x = a.get(0);
        if (x instanceof Quantity q && !q.dimension().isNone()) {
            throw new UnitException(a.functionName() + " of " + q.dimension().name() + " (" + q + "): trigonometric functions take angles",
                "give an angle in rad or deg (30 deg), or a plain number in radians");
        }
        return dimensionless(a, 0, "an angle");
    }

    private static NativeFunction inverseTrig(String name, DoubleUnaryOperator f) {
        return new NativeFunction(name, "number", new Doc("inverse " + name.substring(1) + ", in radians", name + "(x)",
            name + "(0.5)\n" + name + "(0.5) * 1 rad to deg", "Result in radians as a plain number; multiply by 1 rad and "
                + "convert with `to deg` for degrees.", "x dimensionless; result a float (radians)",
            "a dimensioned argument fails", STD, "sin, cos, tan"),
            a -> f.applyAsDouble(dimensionless(a, 0, name)), Param.required("x", "dimensionless", "dimensionless number"));
    }

    // ---- lists of values -----------------------------------------------------------------------

    /** The values of a variadic argument: one list argument is spread. */
    static List<Object> spread(Args a, int i) {
        AdcList l = a.list(i);
        if (l.size() == 1 && l.items().get(0) instanceof AdcList inner) {
            return inner.items();
        }
        return l.items();
    }

    /** Checks that all values are numbers, or all quantities of the dimension of the first; returns true for quantities. */
    private static boolean uniform(List<Object> v, String fn) {
        if (v.isEmpty()) {
            return false;
        }
        Object first = v.get(0);
        Dimension d = first instanceof Quantity q ? q.dimension() : null;
        for (int k = 0; k < v.size(); k++) {
            Object x = v.get(k);
            boolean ok = d == null ? x instanceof Long || x instanceof Double
                : x instanceof Quantity q && q.dimension().equals(d) || d.isNone() && (x instanceof Long || x instanceof Double);
            if (!ok) {
                if (d == null && !(x instanceof Quantity)) {
                    throw new AdcError(fn + ": element #" + (k + 1) + " is " + Values.describe(x) + ", not a number",
                        "give numbers or quantities of one dimension");
                }
                throw new UnitException(fn + ": element #" + (k + 1) + " is " + Values.describe(x) + " but element #1 is "
                    + Values.describe(first), "all values must have one dimension (" + (d == null ? "plain numbers" : d.name()) + ")");
            }
        }
        return d != null;
    }

    private static double si(Object x) {
        return x instanceof Quantity q ? q.si() : ((Number) x).doubleValue();
    }

    private static Object extreme(Args a, boolean max) {
        List<Object> v = spread(a, 0);
        String fn = a.functionName();
        if (v.isEmpty()) {
            throw new AdcError(fn + " of an empty list", "give at least one value");
        }
        uniform(v, fn);
        Object best = v.get(0);
        for (Object x : v) {
            double c = si(x) - si(best);
            if (Double.isNaN(si(x))) {
                return x;
            }
            if (max ? c > 0 : c < 0) {
                best = x;
            }
        }
        return best;
    }

    private static Object sum(Args a) {
        List<Object> v = spread(a, 0);
        if (v.isEmpty()) {
            return 0L;
        }
        if (uniform(v, "sum")) {
            Quantity s = (Quantity) v.get(0);
            for (int k = 1; k < v.size(); k++) {
                s = s.add((Quantity) v.get(k));
            }
            return plain(s);
        }
        boolean allLong = true;
        long ls = 0;
        double ds = 0;
        for (Object x : v) {
            if (x instanceof Long l) {
                try {
                    ls = Math.addExact(ls, l);
                } catch (ArithmeticException e) {
                    allLong = false;
                }
            } else {
                allLong = false;
            }
            ds += ((Number) x).doubleValue();
        }
        return allLong ? (Object) ls : (Object) ds;
    }

    private static Unit spreadUnit(Quantity q) {
        return q.isAbsoluteTemperature() ? Units.parse("K") : q.unit();
    }

    private static Object randomNormal(Args a) {
        long n = a.integer(0);
        if (n < 0 || n > 100_000_000L) {
            throw new AdcError("random_normal: n = " + n + " is out of range", "give 0 <= n <= 100000000");
        }
        org.adc.random.StreamRng rng = new org.adc.random.StreamRng(a.integer(1));
        Object sd = a.get(2);
        Object mu = a.get(3);
        if (!(sd instanceof Number || sd instanceof Quantity)) {
            throw a.bad(2, "number or quantity");
        }
        if (!(mu instanceof Number || mu instanceof Quantity)) {
            throw a.bad(3, "number or quantity");
        }
        Quantity sq = sd instanceof Quantity q ? q : null;
        Quantity mq = mu instanceof Quantity q ? q : null;
        Dimension dsd = sq == null ? Dimension.NONE : sq.dimension();
        Dimension dmu = mq == null ? Dimension.NONE : mq.dimension();
        boolean zeroMean = mq == null && si(mu) == 0;
        if (!zeroMean && !dsd.equals(dmu)) {
            throw new AdcError("random_normal: sd (" + sd + ") and mean (" + mu + ") have different dimensions",
                "give both in one dimension, e.g. sd = 0.5 K, mean = 300 K");
        }
        double s = si(sd);
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new AdcError("random_normal: sd = " + sd + " must be finite and >= 0", "give a non-negative standard deviation");
        }
        double m0 = si(mu);
        Unit unit = mq != null ? mq.unit() : sq != null ? sq.unit() : null;
        AdcList out = new AdcList();
        double spare = Double.NaN;
        for (long k = 0; k < n; k++) {
            double z;
            if (!Double.isNaN(spare)) {
                z = spare;
                spare = Double.NaN;
            } else {
                double r = Math.sqrt(-2 * Math.log(rng.nextOpenDouble()));
                double phi = 2 * Math.PI * rng.nextDouble();
                z = r * Math.cos(phi);
                spare = r * Math.sin(phi);
            }
            double v = m0 + s * z;
            if (unit == null) {
                out.add(v);
            } else if (mq != null && mq.isAbsoluteTemperature()) {
                out.add(Quantity.of((v - unit.offset()) / unit.scale(), unit));
            } else {
                out.add(plain(Quantity.ofSi(v, unit)));
            }
        }
        return out;
    }

    private static Object randomSample(Args a) {
        AdcList pop = a.list(0);
        long k = a.integer(1);
        int n = pop.size();
        if (k < 0 || k > n) {
            throw new AdcError("random_sample: cannot draw " + k + " of " + n + " values without replacement",
                "give 0 <= k <= len(values)");
        }
        org.adc.random.StreamRng rng = new org.adc.random.StreamRng(a.integer(2));
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            v[i] = pop.get(i);
        }
        AdcList out = new AdcList();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            Object t = v[i];
            v[i] = v[j];
            v[j] = t;
            out.add(v[i]);
        }
        return out;
    }

    private static Object mean(Args a) {
        List<Object> v = spread(a, 0);
        if (v.isEmpty()) {
            throw new AdcError("mean of an empty list", "give at least one value");
        }
        boolean q = uniform(v, "mean");
        double s = 0;
        for (Object x : v) {
            s += si(x);
        }
        double m = s / v.size();
        if (!q) {
            return m;
        }
        Quantity first = (Quantity) v.get(0);
        if (first.isAbsoluteTemperature()) {
            Unit u = first.unit();
            return Quantity.of((m - u.offset()) / u.scale(), u);
        }
        return plain(Quantity.ofSi(m, first.unit()));
    }

    private static Object std(Args a) {
        List<Object> v = spread(a, 0);
        if (v.size() < 2) {
            throw new AdcError("std needs at least two values, got " + v.size(), "the sample standard deviation divides by n - 1");
        }
        boolean q = uniform(v, "std");
        double s = 0;
        for (Object x : v) {
            s += si(x);
        }
        double m = s / v.size();
        double ss = 0;
        for (Object x : v) {
            ss += (si(x) - m) * (si(x) - m);
        }
        double sd = Math.sqrt(ss / (v.size() - 1));
        return q ? plain(Quantity.ofSi(sd, spreadUnit((Quantity) v.get(0)))) : sd;
    }

    // ---- rounding ------------------------------------------------------------------------------

    /** Rebuilds a quantity with a new display value in its own unit (absolute temperatures stay absolute). */
    private static Quantity withValue(Quantity q, double value) {
        if (q.isAbsoluteTemperature()) {
            return Quantity.of(value, q.unit());
        }
        return Quantity.ofSi(value * q.unit().scale(), q.unit());
    }

    private static double roundTo(double x, long digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale((int) Math.max(-300, Math.min(300, digits)), RoundingMode.HALF_UP).doubleValue();
    }

    private static Object asInt(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) || Math.abs(r) >= 9.2e18 ? (Object) r : (Object) (long) r;
    }

    private static Object round(Args a) {
        long digits = a.integer(1);
        Object x = a.get(0);
        if (x instanceof Long) {
            return digits >= 0 ? x : asInt(roundTo((Long) x, digits));
        }
        if (x instanceof Double d) {
            double r = roundTo(d, digits);
            return digits <= 0 ? asInt(r) : (Object) r;
        }
        if (x instanceof Quantity q) {
            return plain(withValue(q, roundTo(q.value(), digits)));
        }
        throw a.bad(0, "number or quantity");
    }

    private static Object floorCeil(Args a, boolean floor) {
        Object x = a.get(0);
        if (x instanceof Long) {
            return x;
        }
        if (x instanceof Double d) {
            return asInt(floor ? Math.floor(d) : Math.ceil(d));
        }
        if (x instanceof Quantity q) {
            return plain(withValue(q, floor ? Math.floor(q.value()) : Math.ceil(q.value())));
        }
        throw a.bad(0, "number or quantity");
    }

    private static Object sqrt(Args a) {
        Object x = a.get(0);
        if (x instanceof Quantity q && !q.dimension().isNone()) {
            if (q.si() < 0) {
                throw new AdcError("sqrt of a negative value (" + q + ")", "take the square root of a positive value");
            }
            Unit root = (q.isAbsoluteTemperature() ? q.unit().kelvinForm() : q.unit()).root(2);
            if (root == null) {
                throw new UnitException("sqrt of " + q.dimension().name() + " (" + q + "): the unit " + q.unit().symbol()
                    + " has no square root", "only units with even exponents have a square root, e.g. sqrt(4 m^2) = 2 m");
            }
            return plain(q.pow(0.5));
        }
        double v = dimensionless(a, 0, "sqrt");
        if (v < 0) {
            throw new AdcError("sqrt of a negative number (" + Values.repr(x) + ")", "the result would not be a real number");
        }
        return Math.sqrt(v);
    }

    private static Object abs(Args a) {
        Object x = a.get(0);
        if (x instanceof Long l) {
            return Math.abs(l);
        }
        if (x instanceof Double d) {
            return Math.abs(d);
        }
        if (x instanceof Quantity q) {
            return plain(q.si() < 0 ? q.negate() : q);
        }
        throw a.bad(0, "number or quantity");
    }

    private static Object log(Args a) {
        double x = dimensionless(a, 0, "log");
        if (!a.has(1)) {
            return Math.log(x);
        }
        double b = a.number(1);
        if (!(b > 0) || b == 1) {
            throw new AdcError("log base must be positive and not 1, got " + Values.repr(a.get(1)), "log(x, 10) or log(x, 2)");
        }
        return Math.log(x) / Math.log(b);
    }

    private static Object isNan(Args a) {
        Object x = a.get(0);
        if (x instanceof Quantity q) {
            return Double.isNaN(q.si());
        }
        if (x instanceof Double d) {
            return Double.isNaN(d);
        }
        if (x instanceof Long) {
            return false;
        }
        throw a.bad(0, "number or quantity");
    }


    // ---- fits ----------------------------------------------------------------------------------

    /** Values of list argument {@code i}: numbers, or quantities of the dimension of the first; returns {values (in the display unit of the first when inDisplay, else SI), unit or null}. */
    private static Object[] series(Args a, int i, boolean inDisplay) {
        List<Object> l = a.list(i).items();
        double[] v = new double[l.size()];
        Unit unit = null;
        if (!l.isEmpty() && l.get(0) instanceof Quantity q0 && !q0.dimension().isNone()) {
            unit = q0.isAbsoluteTemperature() ? Units.parse("K") : q0.unit();
        }
        uniform(l, a.functionName());
        for (int k = 0; k < v.length; k++) {
            Object x = l.get(k);
            if (x instanceof Quantity q) {
                v[k] = inDisplay && unit != null ? q.valueIn(unit) : q.si();
            } else {
                v[k] = ((Number) x).doubleValue();
            }
        }
        return new Object[] {v, unit};
    }

    private static Object withUnit(double si, Unit u) {
        return u == null || u.isOne() ? (Object) si : plain(Quantity.ofSi(si, u));
    }

    private static Object linearFit(Args a) {
        Object[] xs = series(a, 0, false);
        Object[] ys = series(a, 1, false);
        LinearFit f = LinearFit.fit((double[]) xs[0], (double[]) ys[0]);
        Unit xu = (Unit) xs[1];
        Unit yu = (Unit) ys[1];
        Unit slopeUnit = yu == null ? (xu == null ? null : Unit.ONE.divide(xu)) : (xu == null ? yu : yu.divide(xu));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slope", withUnit(f.slope(), slopeUnit));
        r.put("intercept", withUnit(f.intercept(), yu));
        r.put("slope_error", withUnit(f.slopeError(), slopeUnit));
        r.put("intercept_error", withUnit(f.interceptError(), yu));
        r.put("r2", f.r2());
        return new Record(r);
    }

    private static Object coefficient(double v, Unit yu, Unit xu, int k) {
        Unit u = yu == null ? Unit.ONE : yu;
        if (xu != null && k > 0) {
            u = u.divide(xu.pow(k));
        }
        return u.isOne() ? (Object) v : plain(Quantity.of(v, u));
    }

    private static Object polyFit(Args a) {
        Object[] xs = series(a, 0, true);
        Object[] ys = series(a, 1, true);
        long deg = a.integer(2);
        if (deg < 0 || deg > 10) {
            throw new AdcError("poly_fit: degree must be 0 .. 10, got " + deg, "a quadratic is degree 2");
        }
        Unit xu = (Unit) xs[1];
        Unit yu = (Unit) ys[1];
        PolynomialFit f = PolynomialFit.fit((double[]) xs[0], (double[]) ys[0], (int) deg);
        List<Object> cs = new java.util.ArrayList<>();
        List<Object> es = new java.util.ArrayList<>();
        for (int k = 0; k <= deg; k++) {
            cs.add(coefficient(f.coefficients()[k], yu, xu, k));
            es.add(coefficient(f.error(k), yu, xu, k));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("coefficients", new AdcList(cs));
        r.put("errors", new AdcList(es));
        r.put("degree", deg);
        r.put("r2", f.r2());
        if (deg == 2) {
            double c1 = f.coefficients()[1];
            double c2 = f.coefficients()[2];
            double xv = -c1 / (2 * c2);
            double g1 = -1 / (2 * c2);
            double g2 = c1 / (2 * c2 * c2);
            double[][] cv = f.covariance();
            double var = g1 * g1 * cv[1][1] + 2 * g1 * g2 * cv[1][2] + g2 * g2 * cv[2][2];
            r.put("vertex", coefficient(xv, xu, null, 0));
            r.put("vertex_error", coefficient(Math.sqrt(Math.max(0, var)), xu, null, 0));
            r.put("vertex_value", coefficient(f.at(xv), yu, null, 0));
        }
        r.put("at", new NativeFunction("at", "any", new Doc("The fitted polynomial at x", "fit.at(x)", "fit.at(5.43 Å)",
            "Evaluates c0 + c1 x + … at x (Horner's scheme).", "x in the unit of the fitted xs; result in the unit of the ys",
            "x of another dimension", "-", "poly_fit"), b -> {
                Object x = b.get(0);
                double xv;
                if (xu == null && x instanceof Number num) {
                    xv = num.doubleValue();
                } else if (xu != null && x instanceof Quantity q && q.dimension().equals(xu.dimension())) {
                    xv = q.valueIn(xu);
                } else {
                    throw b.bad(0, xu == null ? "number" : xu.dimension().name());
                }
                return coefficient(f.at(xv), yu, null, 0);
            }, Param.required("x", "any", "where to evaluate")));
        return new Record(r);
    }

    private static Object powerFit(Args a) {
        Object[] xs = series(a, 0, true);
        Object[] ys = series(a, 1, false);
        double[] x = (double[]) xs[0];
        double[] y = (double[]) ys[0];
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int k = 0; k < x.length; k++) {
            if (!(x[k] > 0) || !(y[k] > 0)) {
                throw new AdcError("power_fit: point #" + (k + 1) + " is not positive; the fit takes logarithms",
                    "fit positive values (use abs() on cathodic peak currents)");
            }
            lx[k] = Math.log(x[k]);
            ly[k] = Math.log(y[k]);
        }
        LinearFit f = LinearFit.fit(lx, ly);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("a", withUnit(Math.exp(f.intercept()), (Unit) ys[1]));
        r.put("b", f.slope());
        r.put("a_error", withUnit(Math.exp(f.intercept()) * f.interceptError(), (Unit) ys[1]));
        r.put("b_error", f.slopeError());
        r.put("r2", f.r2());
        return new Record(r);
    }


    private static Object interp(Args a) {
        Object x = a.get(0);
        List<Object> xl = a.list(1).items();
        List<Object> yl = a.list(2).items();
        if (xl.isEmpty() || yl.isEmpty()) {
            throw new AdcError("interp needs at least two (x, y) pairs", "give the table as two lists of the same length");
        }
        uniform(xl, "interp");
        uniform(yl, "interp");
        Object x0 = xl.get(0);
        double xv;
        if (x0 instanceof Quantity q0 && !q0.dimension().isNone()) {
            if (!(x instanceof Quantity qx) || !qx.dimension().equals(q0.dimension())) {
                throw a.bad(0, q0.dimension().name());
            }
            xv = qx.si();
        } else {
            xv = a.number(0);
        }
        double[] xs = new double[xl.size()];
        double[] ys = new double[yl.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = si(xl.get(k));
        }
        for (int k = 0; k < ys.length; k++) {
            ys[k] = si(yl.get(k));
        }
        Unit xu = x0 instanceof Quantity q0 ? q0.unit() : null;
        double y = Interpolation.at(xs, ys, xv, a.bool(3), v -> xu == null ? Format.number(v)
            : (x0 instanceof Quantity q0 && q0.isAbsoluteTemperature() ? Quantity.of((v - xu.offset()) / xu.scale(), xu).toString()
                : Quantity.ofSi(v, xu).toString()));
        Object y0 = yl.get(0);
        if (y0 instanceof Quantity qy) {
            if (qy.isAbsoluteTemperature()) {
                Unit u = qy.unit();
                return Quantity.of((y - u.offset()) / u.scale(), u);
            }
            return plain(Quantity.ofSi(y, qy.unit()));
        }
        return y;
    }

    private static Doc listDoc(String summary, String syntax, String example, String description, String units, String errors) {
        return new Doc(summary, syntax, example, description, units, errors, STD, "min, max, sum, mean, std");
    }

    public static Module module() {
        Module m = new Module("math", "elementary functions and statistics on numbers and quantities");
        m.add(unary("exp", "Exponential e^x", "exp(1)              # 2.71828\nexp(-0.903 eV / (kB * 450 degC))   # Boltzmann factor",
            "e raised to x.", Math::exp, "exp"));
        m.add(unary("ln", "Natural logarithm", "ln(2)               # 0.693147\nln(rate / (1 Hz))",
            "Logarithm to base e; ln(0) is -inf, negative x gives nan.", Math::log, "ln"));
        m.add(unary("log10", "Decimal logarithm", "log10(1e-3)         # -3\nlog10(sigma / (1 S/cm))",
            "Logarithm to base 10.", Math::log10, "log10"));
        m.add(new NativeFunction("log", "number", new Doc("Logarithm to a given base (natural log without a base)",
            "log(x, base = e)", "log(8, 2)           # 3\nlog(100)            # 4.60517 (natural)",
            "ln(x) / ln(base).", "x and base dimensionless; result a float",
            "a dimensioned x fails with a hint; base ≤ 0 or 1 fails", STD, "ln, log10, exp"),
            MathLib::log, Param.required("x", "dimensionless", "dimensionless number"),
            Param.optional("base", "number", org.adc.lang.None.INSTANCE, "base of the logarithm (default e)")));
        m.add(new NativeFunction("sqrt", "any", new Doc("Square root; on a quantity the unit's root too",
            "sqrt(x)", "sqrt(2)             # 1.41421\nsqrt(4 m^2)         # 2 m\nsqrt(6 * 1e-8 cm^2/s * 1 h)   # diffusion length",
            "Square root of a number, or of a quantity whose unit has even exponents (m^2 → m, m^2/s ... needs s^2).",
            "result unit is the square root of the argument's unit; dimensionless results are plain floats",
            "negative values fail; a unit with odd exponents fails: \"sqrt of length (2 m): the unit m has no square root\"",
            STD, "abs, exp"), MathLib::sqrt, Param.required("x", "number|quantity", "number or quantity")));
        m.add(new NativeFunction("abs", "any", new Doc("Absolute value, keeping the unit", "abs(x)",
            "abs(-3)             # 3\nabs(-0.2 V)         # 0.2 V", "Magnitude of a number or quantity.",
            "same unit as x", "a non-number fails", STD, "round, min, max"), MathLib::abs, Param.required("x", "number|quantity", "number or quantity")));
        m.add(new NativeFunction("min", "any", listDoc("Smallest value of a list or of the arguments", "min(values...)\nmin(list)",
            "min(3, 1, 2)                # 1\nmin([0.903 eV, 62 meV])     # 62 meV\nmin(t.column(\"barrier\"))",
            "Compares quantities by value (in SI), so 62 meV < 0.903 eV. Returns the element itself, unit as written; "
                + "nan wins.", "values of one dimension; result in its own unit",
            "an empty list, or values of different dimensions (\"min: element #2 is voltage 5 V but element #1 is energy ...\")"),
            a -> extreme(a, false), Param.rest("values", "number|quantity|list", "numbers or quantities of one dimension, or one list")));
        m.add(new NativeFunction("max", "any", listDoc("Largest value of a list or of the arguments", "max(values...)\nmax(list)",
            "max(3, 1, 2)                # 3\nmax(rates)", "As min, for the largest value.", "as min", "as min"),
            a -> extreme(a, true), Param.rest("values", "number|quantity|list", "numbers or quantities of one dimension, or one list")));
        m.add(new NativeFunction("sum", "any", listDoc("Sum of a list or of the arguments", "sum(values...)\nsum(list)",
            "sum([1, 2, 3])              # 6\nsum([0.5 C, 120 mC])        # 0.62 C",
            "Adds in order with the rules of +: quantities must share a dimension; adding two absolute temperatures "
                + "is an error. The sum of no values is 0.", "unit of the first value",
            "values of different dimensions; two absolute temperatures (450 degC + 20 degC)"),
            MathLib::sum, Param.rest("values", "number|quantity|list", "numbers or quantities of one dimension, or one list")));
        m.add(new NativeFunction("mean", "any", listDoc("Arithmetic mean", "mean(values...)\nmean(list)",
            "mean([1, 2, 3, 4])          # 2.5\nmean([449 degC, 451 degC])  # 450 degC",
            "Sum divided by count; the mean of absolute temperatures is an absolute temperature.",
            "unit of the first value", "an empty list; values of different dimensions"),
            MathLib::mean, Param.rest("values", "number|quantity|list", "numbers or quantities of one dimension, or one list")));
        m.add(new NativeFunction("std", "any", listDoc("Sample standard deviation (divides by n − 1)", "std(values...)\nstd(list)",
            "std([1, 2, 3, 4])           # 1.29099\nstd([449 degC, 451 degC])   # 1.41421 K",
            "sqrt(Σ (x − mean)² / (n − 1)). The spread of temperatures is a temperature difference, shown in K.",
            "unit of the first value (K for absolute temperatures)", "fewer than two values; values of different dimensions"),
            MathLib::std, Param.rest("values", "number|quantity|list", "numbers or quantities of one dimension, or one list")));
        m.add(new NativeFunction("round", "any", new Doc("Rounds to a number of decimal digits, in the value's display unit",
            "round(x, digits = 0)", "round(2.5)          # 3\nround(3.14159, 2)   # 3.14\nround(0.90047 C, 2)  # 0.9 C\nround(1234, -2)     # 1200",
            "Rounds the number as displayed (a quantity in its own unit) to the given decimal digits; halves round away "
                + "from zero. With digits ≤ 0 a plain number becomes an int.", "same unit as x",
            "a non-number fails", STD, "floor, ceil, fmt"),
            MathLib::round, Param.required("x", "number|quantity", "number or quantity"), Param.optional("digits", "int", 0L, "decimal digits")));
        m.add(new NativeFunction("floor", "any", new Doc("Largest whole number ≤ x (in the display unit for quantities)", "floor(x)",
            "floor(2.7)          # 2\nfloor(450.6 degC)   # 450 degC", "Rounds down.", "same unit as x", "a non-number fails",
            STD, "ceil, round"), a -> floorCeil(a, true), Param.required("x", "number|quantity", "number or quantity")));
        m.add(new NativeFunction("ceil", "any", new Doc("Smallest whole number ≥ x (in the display unit for quantities)", "ceil(x)",
            "ceil(2.1)           # 3\nceil(7.34 C)        # 8 C", "Rounds up.", "same unit as x", "a non-number fails",
            STD, "floor, round"), a -> floorCeil(a, false), Param.required("x", "number|quantity", "number or quantity")));
        m.add(trig("sin", Math::sin));
        m.add(trig("cos", Math::cos));
        m.add(trig("tan", Math::tan));
        m.add(inverseTrig("asin", Math::asin));
        m.add(inverseTrig("acos", Math::acos));
        m.add(inverseTrig("atan", Math::atan));
        m.add(new NativeFunction("is_nan", "bool", new Doc("True when x is not a number (nan)", "is_nan(x)",
            "is_nan(nan)         # true\nis_nan(0.0 / 0.0)", "Tests for the IEEE not-a-number value, also inside a quantity.",
            "any unit", "a non-number fails", STD, "nan, inf"), MathLib::isNan, Param.required("x", "number|quantity", "number or quantity")));
        m.add(new NativeFunction("linear_fit", "record", new Doc("Least-squares straight line y = slope · x + intercept",
            "linear_fit(xs, ys)",
            "let fit = linear_fit([1 h, 2 h, 3 h], [0.9 C, 1.8 C, 2.8 C])\nprint(fit.slope to mA, fit.intercept, fit.r2)",
            "Ordinary least squares over paired samples. Returns a record {slope, intercept, slope_error, intercept_error, r2}: slope in "
                + "the unit of y per unit of x, intercept in the unit of y, their standard errors from the residual variance with "
                + "n − 2 degrees of freedom (NaN with two points, 0 for exact data), r2 the coefficient of determination.",
            "xs: numbers or quantities of one dimension; ys likewise; slope in y/x, intercept in y",
            "fewer than two points, lists of different length, all x equal, or mixed dimensions within a list",
            "ordinary least squares (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 4.1.4.1)",
            "power_fit, arrhenius_fit, mean"),
            MathLib::linearFit, Param.required("xs", "list", "abscissae"), Param.required("ys", "list", "ordinates")));
        m.add(new NativeFunction("poly_fit", "record", new Doc("Least-squares polynomial y = c0 + c1 x + … + cd x^d with standard errors",
            "poly_fit(xs, ys, degree)",
            "# lattice constant from pw.x energies: the vertex of a parabola\n"
                + "let fit = poly_fit([5.38 Å, 5.43 Å, 5.48 Å, 5.53 Å], [-15.810 eV, -15.842 eV, -15.851 eV, -15.839 eV], 2)\n"
                + "print(fit.vertex, \"±\", fit.vertex_error)     # the minimum's x\nprint(fit.coefficients, fit.at(5.45 Å))",
            "QR least squares in the centred, scaled variable (well conditioned in any unit), mapped exactly to powers of x. "
                + "Returns {coefficients, errors, degree, r2, at}: coefficients c0 … cd lowest power first, each in the unit of y "
                + "per unit of x to its power; errors their standard errors from the residual variance with n − d − 1 degrees "
                + "of freedom (NaN with exactly d + 1 points); at(x) evaluates the fit. For degree 2 also vertex (x where the "
                + "derivative vanishes), vertex_error (propagated with the covariance) and vertex_value.",
            "xs: numbers or quantities of one dimension; ys likewise; the fit works in the units of the first x and first y",
            "degree outside 0 .. 10; fewer than degree + 1 points or distinct x; lists of different length; mixed dimensions",
            "linear least squares (N. R. Draper, H. Smith, Applied Regression Analysis, 3rd ed. (1998), ch. 5); checked against exact rational least squares",
            "linear_fit, power_fit, eos_fit"),
            MathLib::polyFit, Param.required("xs", "list", "abscissae"), Param.required("ys", "list", "ordinates"),
            Param.required("degree", "int", "polynomial degree, 0 .. 10")));
        m.add(new NativeFunction("power_fit", "record", new Doc("Fits a power law y = a · x^b (straight line in log-log)",
            "power_fit(xs, ys)",
            "# CV peak current vs scan rate (seed 004): b = 0.5 diffusion-limited, 1 capacitive\n"
                + "let fit = power_fit([0.1 mV/s, 0.2 mV/s, 0.5 mV/s, 1 mV/s], [0.21 mA, 0.31 mA, 0.52 mA, 0.76 mA])\n"
                + "print(fit.b, fit.a)      # a is y at x = 1 mV/s",
            "Least-squares line of ln y against ln x. Returns {a, b, a_error, b_error, r2} (standard errors of the log-log "
                + "line; a_error = a · σ(ln a) to first order; NaN with two points): b the exponent (dimensionless), a the value of y "
                + "at x = 1 in the unit of the first x (so a keeps the unit of y), r2 of the log-log line.",
            "xs, ys: positive numbers or quantities; a in the unit of y; b dimensionless",
            "a value ≤ 0 (logarithm), fewer than two points, all x equal",
            "i_peak = a ν^b, seed 004 (Li et al., J. Mater. Chem. A, Na storage in Sb; measured b = 0.55 and 0.65); "
                + "shared/domain.md (CV kinetics)",
            "linear_fit, arrhenius_fit"),
            MathLib::powerFit, Param.required("xs", "list", "positive abscissae, e.g. scan rates"),
            Param.required("ys", "list", "positive ordinates, e.g. peak currents")));
        m.add(new NativeFunction("interp", "any", new Doc("Linear interpolation in a table of (x, y) points",
            "interp(x, xs, ys, extrapolate = false)",
            "# heater calibration of the HPDC press (seed 002, Fig. 1d): power -> temperature\n"
                + "interp(450 W, [0 W, 300 W, 600 W], [25 degC, 550 degC, 1000 degC])     # 775 degC\n"
                + "interp(2.5, [1, 2, 3], [10, 20, 30])                                   # 25",
            "Piecewise-linear y(x) through the points; xs must increase strictly. Outside xs[0] .. xs[-1] it is an error "
                + "unless extrapolate = true, which extends the first or last segment. Absolute temperatures interpolate "
                + "as temperatures (the result is absolute).",
            "x in the dimension of xs; result in the unit of the first y",
            "x of another dimension; xs not increasing; fewer than two points; x outside the table without extrapolate",
            "linear interpolation",
            "linear_fit, table"),
            MathLib::interp, Param.required("x", "number|quantity", "where to evaluate"), Param.required("xs", "list", "increasing x values"),
            Param.required("ys", "list", "y values, one per x"),
            Param.optional("extrapolate", "bool", Boolean.FALSE, "extend the end segments outside the table")));
        m.add(new NativeFunction("random_normal", "list", new Doc("n normally distributed values (seeded, reproducible)",
            "random_normal(n, seed, sd = 1, mean = 0)",
            "random_normal(3, 7)                         # three standard normal floats\n"
                + "let noise = random_normal(9, 1, sd = 0.03)   # 3 % log-normal noise: y * exp(noise[i])\n"
                + "random_normal(5, 2, sd = 0.5 K, mean = 300 K)",
            "Gaussian variates mean + sd·z with z from the Box–Muller transform of the xoshiro256** generator of the kMC/GCMC "
                + "modules (stream 0 of seed): the same seed always gives the same list, on every machine and thread count. "
                + "For synthetic measurement noise in examples and tests.",
            "sd and mean: numbers, or quantities of one dimension (the result has mean's unit, else sd's)",
            "n < 0; sd < 0; sd and mean of different dimensions",
            "G. E. P. Box, M. E. Muller, Ann. Math. Statist. 29, 610 (1958); xoshiro256** (Blackman & Vigna, ACM TOMS 47, 36 (2021))",
            "random_sample, mean, std"),
            MathLib::randomNormal, Param.required("n", "int", "how many values"), Param.required("seed", "int", "random seed"),
            Param.optional("sd", "number|quantity", 1L, "standard deviation"), Param.optional("mean", "number|quantity", 0L, "mean")));
        m.add(new NativeFunction("random_sample", "list", new Doc("k distinct elements of a list in random order (seeded, reproducible)",
            "random_sample(values, k, seed)",
            "random_sample([0, 1, 2, 3, 4, 5], 2, 42)\n"
                + "# 14 random Na sites of a supercell to remove, highest index first\n"
                + "let gone = sorted(random_sample(s.indices(\"Na\"), 14, 1), reverse = true)",
            "Sampling without replacement (partial Fisher–Yates shuffle) with the xoshiro256** generator of the kMC/GCMC modules "
                + "(stream 0 of seed): the same seed gives the same choice. k = len(values) is a random permutation.",
            "elements are returned unchanged",
            "k < 0 or k > len(values)",
            "R. Durstenfeld, Commun. ACM 7, 420 (1964) (Fisher–Yates shuffle); xoshiro256** (Blackman & Vigna, ACM TOMS 47, 36 (2021))",
            "random_normal, sorted"),
            MathLib::randomSample, Param.required("values", "list", "the population"), Param.required("k", "int", "how many to draw"),
            Param.required("seed", "int", "random seed")));
        m.constant("pi", Math.PI, new Doc("π = 3.14159265358979", "pi", "2 * pi * 1 rad", "Ratio of a circle's circumference to its diameter.",
            "dimensionless", "none", STD, "sin, cos"));
        m.constant("inf", Double.POSITIVE_INFINITY, new Doc("Positive infinity", "inf", "min(x, inf)",
            "IEEE 754 infinity; -inf for negative.", "dimensionless (multiply by a unit: inf * 1 s)", "none", STD, "nan, is_nan"));
        m.constant("nan", Double.NaN, new Doc("Not a number", "nan", "is_nan(nan)", "IEEE 754 not-a-number; compares unequal to itself.",
            "dimensionless", "none", STD, "is_nan, inf"));
        return m;
    }
}
