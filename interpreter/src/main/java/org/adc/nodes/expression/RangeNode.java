package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.LongRange;
import org.adc.runtime.QuantityRange;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;

/**
 * {@code a .. b} (inclusive), {@code a ..< b} (exclusive), optionally {@code step s}. Integer
 * bounds make an integer range; floats or quantities make a range of values start + k·step.
 * A step written as an absolute temperature ({@code step 10 degC}) counts as a difference.
 */
@NodeInfo(shortName = "..")
public final class RangeNode extends AdcNode {
    @Child private AdcNode start;
    @Child private AdcNode end;
    @Child private AdcNode step;
    private final boolean inclusive;

    public RangeNode(AdcNode start, AdcNode end, AdcNode step, boolean inclusive) {
        this.start = start;
        this.end = end;
        this.step = step;
        this.inclusive = inclusive;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object a = start.executeGeneric(frame);
        Object b = end.executeGeneric(frame);
        Object s = step == null ? null : step.executeGeneric(frame);
        return make(a, b, s);
    }

    @TruffleBoundary
    private Object make(Object a, Object b, Object s) {
        if (a instanceof Long x && b instanceof Long y && (s == null || s instanceof Long)) {
            long st = s == null ? 1 : (Long) s;
            if (st == 0) {
                throw new AdcException("range step is zero", "give a non-zero step", this);
            }
            return new LongRange(x, y, st, inclusive);
        }
        boolean plain = !(a instanceof Quantity) && !(b instanceof Quantity);
        Quantity qa = toQ(a, "start");
        Quantity qb = toQ(b, "end");
        Quantity qs;
        if (s == null) {
            if (!plain) {
                throw new AdcException("a range of quantities needs a step", "write e.g. 300 K .. 700 K step 50 K", this);
            }
            qs = Quantity.ofSi(1.0, Unit.ONE);
        } else {
            qs = toQ(s, "step").asDifference();
        }
        if (!qa.dimension().equals(qb.dimension()) || !qa.dimension().equals(qs.dimension())) {
            throw new AdcException("range start, end and step must have one dimension (got " + qa.dimension().name() + ", "
                + qb.dimension().name() + ", " + qs.dimension().name() + ")", "write e.g. 300 K .. 700 K step 50 K", this);
        }
        if (qs.si() == 0 || Double.isNaN(qs.si())) {
            throw new AdcException("range step is zero", "give a non-zero step", this);
        }
        try {
            return new QuantityRange(qa, qb, qs, inclusive, plain);
        } catch (UnitException e) {
            throw new AdcException(e.getMessage(), e.hint(), this);
        }
    }

    private Quantity toQ(Object x, String what) {
        if (x instanceof Quantity q) {
            return q;
        }
        if (x instanceof Long || x instanceof Double) {
            return Quantity.ofSi(((Number) x).doubleValue(), Unit.ONE);
        }
        throw new AdcException("range " + what + " must be a number or a quantity, got " + Values.describe(x), null, this);
    }
}
