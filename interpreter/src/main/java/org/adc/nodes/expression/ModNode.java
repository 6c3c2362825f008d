package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/**
 * The % operator: remainder with the sign of the divisor. Fast paths for long and double;
 * everything else (quantities, a zero divisor) goes to {@link Ops#mod}, which reports modulo by
 * zero for integers and floats alike (as in Python).
 */
@NodeInfo(shortName = "%")
public abstract class ModNode extends AdcBinaryNode {
    @Specialization(guards = "right != 0")
    protected long doLong(long left, long right) {
        return Math.floorMod(left, right);
    }

    @Specialization(guards = "isNonZero(right)")
    protected double doDouble(double left, double right) {
        return left - Math.floor(left / right) * right;
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.mod(this, left, right);
    }
}
