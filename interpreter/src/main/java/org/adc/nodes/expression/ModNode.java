package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/** The % operator: remainder with the sign of the divisor. Fast paths for long and double; everything else (quantities, strings, lists) goes to {@link Ops#mod}. */
@NodeInfo(shortName = "%")
public abstract class ModNode extends AdcBinaryNode {
    @Specialization(guards = "right != 0")
    protected long doLong(long left, long right) {
        return Math.floorMod(left, right);
    }

    @Specialization(guards = "right == 0")
    protected long doLongZero(long left, long right) {
        throw new org.adc.runtime.AdcException("division by zero", "an integer cannot be divided by 0", this);
    }

    @Specialization
    protected double doDouble(double left, double right) {
        return left - Math.floor(left / right) * right;
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.mod(this, left, right);
    }
}
