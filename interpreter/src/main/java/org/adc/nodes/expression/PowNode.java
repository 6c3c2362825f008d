package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.LongMath;
import org.adc.runtime.Ops;

/**
 * The ^ (or **) operator; right-associative, binds tighter than unary minus. Quantities raise
 * their units. An integer to a non-negative integer power is an integer (2 ** 10 is 1024); only a
 * power that overflows a long is a float, for that call only. A negative exponent gives a float.
 */
@NodeInfo(shortName = "^")
public abstract class PowNode extends AdcBinaryNode {
    @Specialization(guards = "right >= 0", rewriteOn = ArithmeticException.class)
    protected long doLong(long left, long right) {
        return LongMath.powExact(left, right);
    }

    @Specialization(guards = "right >= 0", replaces = "doLong")
    protected Object doLongOverflow(long left, long right) {
        return LongMath.pow(left, right);
    }

    @Specialization
    protected double doDouble(double left, double right) {
        return Math.pow(left, right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.pow(this, left, right);
    }
}
