package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.BranchProfile;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.runtime.ControlFlow;

/** The body of a function: catches {@code return}; a body that falls off the end returns none (a lambda its expression). */
@NodeInfo(shortName = "body")
public final class FunctionBodyNode extends AdcNode {
    @Child private AdcNode body;
    private final boolean expressionBody;
    private final BranchProfile returned = BranchProfile.create();

    public FunctionBodyNode(AdcNode body, boolean expressionBody) {
        this.body = body;
        this.expressionBody = expressionBody;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        try {
            if (expressionBody) {
                return body.executeGeneric(frame);
            }
            body.executeVoid(frame);
        } catch (ControlFlow.Return r) {
            returned.enter();
            return r.value;
        }
        return None.INSTANCE;
    }
}
