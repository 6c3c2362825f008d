package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.LongMath;
import org.adc.runtime.Ops;

/**
 * The // operator: floor division. Fast paths for long and double; everything else (quantities,
 * strings, lists) goes to {@link Ops#floorDiv}. Division by zero is an error for integers and
 * floats alike (as in Python); the one overflowing integer case (-9223372036854775808 // -1) gives
 * a float for that call only.
 */
@NodeInfo(shortName = "//")
public abstract class FloorDivNode extends AdcBinaryNode {
    @Specialization(guards = "right != 0", rewriteOn = ArithmeticException.class)
    protected long doLong(long left, long right) {
        return LongMath.floorDivExact(left, right);
    }

    @Specialization(guards = "right != 0", replaces = "doLong")
    protected Object doLongOverflow(long left, long right) {
        return LongMath.floorDiv(left, right);
    }

    @Specialization(guards = "isNonZero(right)")
    protected double doDouble(double left, double right) {
        return Math.floor(left / right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.floorDiv(this, left, right);
    }
}
