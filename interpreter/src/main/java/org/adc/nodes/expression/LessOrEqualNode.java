package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.runtime.Ops;

/** The <= comparison. Quantities compare only within one dimension. */
@NodeInfo(shortName = "<=")
public abstract class LessOrEqualNode extends AdcBinaryNode {
    @Specialization
    protected boolean doLong(long left, long right) {
        return left <= right;
    }

    @Specialization
    protected boolean doDouble(double left, double right) {
        return left <= right;
    }

    @Specialization
    protected boolean doLongDouble(long left, double right) {
        return left <= right;
    }

    @Specialization
    protected boolean doDoubleLong(double left, long right) {
        return left <= right;
    }

    @Fallback
    protected boolean doGeneric(Object left, Object right) {
        return Ops.compare(this, left, right, "<=") <= 0;
    }
}
