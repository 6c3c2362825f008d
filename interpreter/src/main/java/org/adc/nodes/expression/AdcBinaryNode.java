package org.adc.nodes.expression;

import com.oracle.truffle.api.dsl.NodeChild;

import org.adc.nodes.AdcNode;

/** A node with two operands evaluated left to right; subclasses specialise on their types. */
@NodeChild("leftNode")
@NodeChild("rightNode")
public abstract class AdcBinaryNode extends AdcNode {
    /** Guard for the float fast paths of / // %: a zero divisor goes to the error path. */
    protected static boolean isNonZero(double divisor) {
        return divisor != 0;
    }
}
