package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Logical {@code not}. */
@NodeInfo(shortName = "not")
public final class NotNode extends AdcNode {
    @Child private ConditionNode value;

    public NotNode(AdcNode value) {
        this.value = new ConditionNode(value);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        return !value.execute(frame);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }
}
