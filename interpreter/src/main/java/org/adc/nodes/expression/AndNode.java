package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Short-circuit {@code and}; the result is a boolean. */
@NodeInfo(shortName = "and")
public final class AndNode extends AdcNode {
    @Child private ConditionNode left;
    @Child private ConditionNode right;

    public AndNode(AdcNode left, AdcNode right) {
        this.left = new ConditionNode(left);
        this.right = new ConditionNode(right);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        return left.execute(frame) && right.execute(frame);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }
}
