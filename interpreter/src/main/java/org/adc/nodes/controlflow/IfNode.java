package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.nodes.expression.ConditionNode;

/** {@code if cond { ... } else { ... }}. */
@NodeInfo(shortName = "if")
public final class IfNode extends AdcNode {
    @Child private ConditionNode condition;
    @Child private AdcNode thenPart;
    @Child private AdcNode elsePart;

    public IfNode(AdcNode condition, AdcNode thenPart, AdcNode elsePart) {
        this.condition = new ConditionNode(condition);
        this.thenPart = thenPart;
        this.elsePart = elsePart;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        if (condition.execute(frame)) {
            return thenPart.executeGeneric(frame);
        } else if (elsePart != null) {
            return elsePart.executeGeneric(frame);
        }
        return None.INSTANCE;
    }
}
