package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;
import org.adc.units.Quantity;

/**
 * The / operator: true division (1 / 2 is 0.5). Fast path for numbers with a non-zero divisor;
 * everything else (quantities, strings, lists, a zero divisor) goes to {@link Ops#div}, which
 * reports division by zero as an error (as in Python) rather than printing inf.
 */
@NodeInfo(shortName = "/")
public abstract class DivNode extends AdcBinaryNode {

    @Specialization(guards = "right != 0")
    protected double doLong(long left, long right) {
        return (double) left / right;
    }

    @Specialization(guards = "isNonZero(right)")
    protected double doDouble(double left, double right) {
        return left / right;
    }

    @Specialization(guards = "isNonZero(right)")
    protected double doLongDouble(long left, double right) {
        return left / right;
    }

    @Specialization(guards = "right != 0")
    protected double doDoubleLong(double left, long right) {
        return left / right;
    }

    @Specialization
    protected Object doQuantity(Quantity left, Quantity right) {
        return Ops.div(this, left, right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.div(this, left, right);
    }
}
