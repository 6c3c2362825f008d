package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;
import org.adc.units.Quantity;

/** The / operator: true division (1 / 2 is 0.5). Fast paths for long and double; everything else (quantities, strings, lists) goes to {@link Ops#div}. */
@NodeInfo(shortName = "/")
public abstract class DivNode extends AdcBinaryNode {

    @Specialization
    protected double doDouble(double left, double right) {
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
