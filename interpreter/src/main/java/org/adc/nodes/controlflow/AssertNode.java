package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.nodes.expression.ConditionNode;
import org.adc.runtime.AdcException;

/** {@code assert cond, "message"}: a runtime error when the condition is false. */
@NodeInfo(shortName = "assert")
public final class AssertNode extends AdcNode {
    @Child private ConditionNode condition;
    @Child private AdcNode message;
    private final String text;

    public AssertNode(AdcNode condition, AdcNode message, String text) {
        this.condition = new ConditionNode(condition);
        this.message = message;
        this.text = text;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        if (!condition.execute(frame)) {
            String m = message == null ? "assertion failed: " + text : Values.display(message.executeGeneric(frame));
            throw new AdcException(m, null, this);
        }
        return None.INSTANCE;
    }
}
