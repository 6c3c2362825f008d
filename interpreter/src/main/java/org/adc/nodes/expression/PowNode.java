package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/** The ^ (or **) operator; right-associative, binds tighter than unary minus. Quantities raise their units. */
@NodeInfo(shortName = "^")
public abstract class PowNode extends AdcBinaryNode {
    @Specialization
    protected double doDouble(double left, double right) {
        return Math.pow(left, right);
    }

    @Fallback
    protected Object doGeneric(Object left, Object right) {
        return Ops.pow(this, left, right);
    }
}
