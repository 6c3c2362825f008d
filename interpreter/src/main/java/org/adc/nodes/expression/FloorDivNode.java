package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/** The // operator: floor division. Fast paths for long and double; everything else (quantities, strings, lists) goes to {@link Ops#floorDiv}. */
@NodeInfo(shortName = "//")
public abstract class FloorDivNode extends AdcBinaryNode {
    @Specialization(guards = "right != 0")
    protected long doLong(long left, long right) {
        return Math.floorDiv(left, right);
    }

    @Specialization(guards = "right == 0")
    protected long doLongZero(long left, long right) {
        throw new org.adc.runtime.AdcException("division by zero", "an integer cannot be divided by 0", this);
    }

    @Specialization
    protected double doDouble(double left, double right) {
        return Math.floor(left / right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.floorDiv(this, left, right);
    }
}
