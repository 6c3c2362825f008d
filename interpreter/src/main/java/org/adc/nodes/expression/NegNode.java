package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;
import org.adc.runtime.LongMath;
import org.adc.runtime.Ops;

/** Unary minus. */
@NodeInfo(shortName = "-")
@NodeChild("valueNode")
public abstract class NegNode extends AdcNode {
    @Specialization(rewriteOn = ArithmeticException.class)
    protected long doLong(long value) {
        return Math.negateExact(value);
    }

    /** After an overflow (-(-9223372036854775808)): only that call is a float. */
    @Specialization(replaces = "doLong")
    protected Object doLongOverflow(long value) {
        return LongMath.neg(value);
    }

    @Specialization
    protected double doDouble(double value) {
        return -value;
    }

    @Fallback
    protected Object doGeneric(Object value) {
        return Ops.neg(this, value);
    }
}
