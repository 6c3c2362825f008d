package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Short-circuit {@code or}; the result is a boolean. */
@NodeInfo(shortName = "or")
public final class OrNode extends AdcNode {
    @Child private ConditionNode left;
    @Child private ConditionNode right;

    public OrNode(AdcNode left, AdcNode right) {
        this.left = new ConditionNode(left);
        this.right = new ConditionNode(right);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        return left.execute(frame) || right.execute(frame);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }
}
