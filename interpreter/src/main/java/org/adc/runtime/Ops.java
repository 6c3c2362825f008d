package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcList;
import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;

/**
 * The generic (slow-path) operations on script values: what an operator node falls back to when
 * its operands are not both long or both double. Every failure is an {@link AdcException} located
 * at the operator node, with a hint.
 */
public final class Ops {
    private Ops() {
    }

    /** A dimensionless quantity with no unit becomes a plain double; boxed Java numbers become long/double. */
    public static Object normalize(Object x) {
        if (x instanceof Quantity q) {
            return q.unit().isOne() ? (Object) q.si() : q;
        }
        if (x instanceof Integer i) {
            return (long) i;
        }
        if (x instanceof Float f) {
            return (double) f;
        }
        if (x == null) {
            return None.INSTANCE;
        }
        return x;
    }

    static boolean isNumber(Object x) {
        return x instanceof Long || x instanceof Double;
    }

    static double num(Object x) {
        return ((Number) x).doubleValue();
    }

    static Quantity asQuantity(Object x) {
        return x instanceof Quantity q ? q : Quantity.ofSi(num(x), Unit.ONE);
    }

    private static AdcException typeError(Node site, String op, Object a, Object b) {
        String hint = null;
        if (a instanceof String || b instanceof String) {
            hint = "to build text from values use interpolation: \"${x} and ${y}\"";
        } else if (a instanceof Quantity || b instanceof Quantity) {
            hint = "give the plain number a unit (e.g. 5 eV), or divide the quantity by its unit";
        }
        return new AdcException("operation " + op + " is not defined for " + Values.describe(a) + " and " + Values.describe(b), hint, site);
    }

    static AdcException unitError(Node site, UnitException e) {
        return new AdcException(e.getMessage(), e.hint(), site);
    }

    @TruffleBoundary
    public static Object add(Node site, Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return LongMath.add(x, y);
            }
            if (isNumber(a) && isNumber(b)) {
                return num(a) + num(b);
            }
            if (a instanceof Quantity || b instanceof Quantity) {
                if (isNumber(a) || isNumber(b)) {
                    Quantity q = a instanceof Quantity qa ? qa : (Quantity) b;
                    if (!q.dimension().isNone()) {
                        throw plainNumberError(site, "+", a, b, q);
                    }
                }
                if (a instanceof Quantity || isNumber(a)) {
                    if (b instanceof Quantity || isNumber(b)) {
                        return normalize(asQuantity(a).add(asQuantity(b)));
                    }
                }
            }
            if (a instanceof String x && b instanceof String y) {
                return x + y;
            }
            if (a instanceof AdcList x && b instanceof AdcList y) {
                List<Object> l = new ArrayList<>(x.items());
                l.addAll(y.items());
                return new AdcList(l);
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, "+", a, b);
    }

    private static AdcException plainNumberError(Node site, String op, Object a, Object b, Quantity q) {
        return new AdcException("cannot " + (op.equals("+") ? "add" : "subtract") + " a plain number and " + q.dimension().name() + " ("
            + Values.repr(a) + " " + op + " " + Values.repr(b) + ")", "give the number a unit, e.g. 5 " + q.unit().symbol(), site);
    }

    @TruffleBoundary
    public static Object sub(Node site, Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return LongMath.sub(x, y);
            }
            if (isNumber(a) && isNumber(b)) {
                return num(a) - num(b);
            }
            if ((a instanceof Quantity || isNumber(a)) && (b instanceof Quantity || isNumber(b))) {
                Quantity qa = asQuantity(a);
                Quantity qb = asQuantity(b);
                if ((isNumber(a) || isNumber(b)) && !(qa.dimension().isNone() && qb.dimension().isNone())) {
                    throw plainNumberError(site, "-", a, b, a instanceof Quantity ? qa : qb);
                }
                return normalize(qa.sub(qb));
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, "-", a, b);
    }

    @TruffleBoundary
    public static Object mul(Node site, Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return LongMath.mul(x, y);
            }
            if (isNumber(a) && isNumber(b)) {
                return num(a) * num(b);
            }
            if (a instanceof Quantity qa && isNumber(b)) {
                return normalize(qa.scale(num(b)));
            }
            if (isNumber(a) && b instanceof Quantity qb) {
                return normalize(qb.scale(num(a)));
            }
            if (a instanceof Quantity qa && b instanceof Quantity qb) {
                return normalize(qa.mul(qb));
            }
            if (a instanceof String s && b instanceof Long n && n >= 0 && n < 1_000_000) {
                return s.repeat(n.intValue());
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, "*", a, b);
    }

    /** The error for a zero divisor, for integers, floats and quantities alike (Python's ZeroDivisionError). */
    @TruffleBoundary
    public static AdcException divisionByZero(Node site, String op, Object a, Object b) {
        String what = op.equals("%") ? "modulo by zero" : "division by zero";
        return new AdcException(what,
            "the divisor is zero; test it first (if x != 0 { ... }) or catch the error with try/catch", site);
    }

    private static boolean isZero(Object x) {
        return (isNumber(x) && num(x) == 0) || (x instanceof Quantity q && q.si() == 0);
    }

    @TruffleBoundary
    public static Object div(Node site, Object a, Object b) {
        try {
            if ((isNumber(a) || a instanceof Quantity) && isZero(b)) {
                throw divisionByZero(site, "/", a, b);
            }
            if (isNumber(a) && isNumber(b)) {
                return num(a) / num(b);
            }
            if (a instanceof Quantity qa && isNumber(b)) {
                return normalize(qa.scale(1.0 / num(b)));
            }
            if (isNumber(a) && b instanceof Quantity qb) {
                return normalize(qb.reciprocal().scale(num(a)));
            }
            if (a instanceof Quantity qa && b instanceof Quantity qb) {
                return normalize(qa.div(qb));
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, "/", a, b);
    }

    @TruffleBoundary
    public static Object floorDiv(Node site, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw divisionByZero(site, "//", a, b);
            }
            return LongMath.floorDiv(x, y);
        }
        if ((isNumber(a) || a instanceof Quantity) && isZero(b)) {
            throw divisionByZero(site, "//", a, b);
        }
        Object q = div(site, a, b);
        if (q instanceof Double d) {
            return Math.floor(d);
        }
        throw new AdcException("// needs a dimensionless ratio, got " + Values.describe(q), "divide quantities of the same dimension", site);
    }

    @TruffleBoundary
    public static Object mod(Node site, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw divisionByZero(site, "%", a, b);
            }
            return Math.floorMod(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            if (num(b) == 0) {
                throw divisionByZero(site, "%", a, b);
            }
            double x = num(a);
            double y = num(b);
            return x - Math.floor(x / y) * y;
        }
        throw typeError(site, "%", a, b);
    }

    @TruffleBoundary
    public static Object pow(Node site, Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y && y >= 0) {
                return LongMath.pow(x, y);
            }
            if (isNumber(a) && isNumber(b)) {
                return Math.pow(num(a), num(b));
            }
            if (a instanceof Quantity qa && isNumber(b)) {
                return normalize(qa.pow(num(b)));
            }
            if (b instanceof Quantity qb && qb.dimension().isNone() && (isNumber(a) || a instanceof Quantity)) {
                return pow(site, a, qb.si());
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, "^", a, b);
    }

    @TruffleBoundary
    public static Object neg(Node site, Object a) {
        if (a instanceof Long x) {
            return LongMath.neg(x);
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof Quantity q) {
            return normalize(q.negate());
        }
        throw new AdcException("operation - is not defined for " + Values.describe(a), null, site);
    }

    /** Ordering for {@code < <= > >=}: -1, 0 or 1. */
    @TruffleBoundary
    public static int compare(Node site, Object a, Object b, String op) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return Long.compare(x, y);
            }
            if (isNumber(a) && isNumber(b)) {
                return Double.compare(num(a), num(b));
            }
            if ((a instanceof Quantity || isNumber(a)) && (b instanceof Quantity || isNumber(b))) {
                Quantity qa = asQuantity(a);
                Quantity qb = asQuantity(b);
                if (!qa.dimension().equals(qb.dimension()) && (isNumber(a) || isNumber(b))) {
                    throw new AdcException("cannot compare a plain number with " + (isNumber(a) ? qb : qa).dimension().name() + " ("
                        + Values.repr(a) + " " + op + " " + Values.repr(b) + ")", "give the number a unit", site);
                }
                return qa.compareTo(qb);
            }
            if (a instanceof String x && b instanceof String y) {
                return Integer.signum(x.compareTo(y));
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw typeError(site, op, a, b);
    }

    /** Equality for {@code == !=}: numbers by value (1 == 1.0), quantities by dimension and SI value. */
    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return num(a) == num(b);
        }
        if (a instanceof Quantity qa && b instanceof Quantity qb) {
            return qa.dimension().equals(qb.dimension()) && qa.si() == qb.si();
        }
        if (a instanceof Quantity qa && isNumber(b)) {
            return qa.dimension().isNone() && qa.si() == num(b);
        }
        if (isNumber(a) && b instanceof Quantity qb) {
            return qb.dimension().isNone() && qb.si() == num(a);
        }
        return a.equals(b);
    }

    @TruffleBoundary
    public static Object convert(Node site, Object a, Unit u) {
        try {
            if (a instanceof Quantity q) {
                return q.to(u);
            }
            if (isNumber(a)) {
                if (u.dimension().isNone()) {
                    return Quantity.ofSi(num(a), Unit.ONE).to(u);
                }
                throw new AdcException("cannot convert a plain number (" + Values.repr(a) + ") to " + u.symbol(),
                    "give the number a unit first, e.g. " + Values.repr(a) + " eV", site);
            }
        } catch (UnitException e) {
            throw unitError(site, e);
        }
        throw new AdcException("cannot convert " + Values.describe(a) + " to " + u.symbol(), "only quantities have units", site);
    }
}
