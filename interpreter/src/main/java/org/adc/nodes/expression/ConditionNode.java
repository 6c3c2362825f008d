package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

import org.adc.lang.Values;
import org.adc.nodes.AdcNode;

/** Evaluates a condition: a boolean directly, anything else by its truth value (none, 0 and "" are false). */
@NodeInfo(shortName = "condition")
public final class ConditionNode extends AdcNode {
    @Child private AdcNode value;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public ConditionNode(AdcNode value) {
        this.value = value;
    }

    public boolean execute(VirtualFrame frame) {
        boolean b;
        try {
            b = value.executeBoolean(frame);
        } catch (UnexpectedResultException e) {
            b = Values.truthy(e.getResult());
        }
        return profile.profile(b);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        return execute(frame);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return execute(frame);
    }
}
