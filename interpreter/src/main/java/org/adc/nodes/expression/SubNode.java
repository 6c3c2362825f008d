package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.LongMath;
import org.adc.runtime.Ops;
import org.adc.units.Quantity;

/** The - operator. Fast paths for long and double; everything else (quantities, strings, lists) goes to {@link Ops#sub}. */
@NodeInfo(shortName = "-")
public abstract class SubNode extends AdcBinaryNode {
    @Specialization(rewriteOn = ArithmeticException.class)
    protected long doLong(long left, long right) {
        return Math.subtractExact(left, right);
    }

    /** After an overflow: each call is exact when it fits, and only the overflowing call is a float. */
    @Specialization(replaces = "doLong")
    protected Object doLongOverflow(long left, long right) {
        return LongMath.sub(left, right);
    }

    @Specialization
    protected double doDouble(double left, double right) {
        return left - right;
    }

    @Specialization
    protected double doLongDouble(long left, double right) {
        return left - right;
    }

    @Specialization
    protected double doDoubleLong(double left, long right) {
        return left - right;
    }

    @Specialization
    protected Object doQuantity(Quantity left, Quantity right) {
        return Ops.sub(this, left, right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.sub(this, left, right);
    }
}
