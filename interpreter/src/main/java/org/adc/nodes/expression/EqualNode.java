package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/** The == comparison (1 == 1.0 is true; quantities equal in dimension and value). */
@NodeInfo(shortName = "==")
public abstract class EqualNode extends AdcBinaryNode {
    @Specialization
    protected boolean doLong(long left, long right) {
        return left == right;
    }

    @Specialization
    protected boolean doDouble(double left, double right) {
        return left == right;
    }

    @Specialization
    protected boolean doLongDouble(long left, double right) {
        return left == right;
    }

    @Specialization
    protected boolean doDoubleLong(double left, long right) {
        return left == right;
    }

    @Specialization
    protected boolean doBoolean(boolean left, boolean right) {
        return left == right;
    }

    @Fallback
    protected boolean doGeneric(Object left, Object right) {
        return Ops.equal(left, right);
    }
}
