package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;
import org.adc.nodes.expression.IndexNode;

/** {@code xs[i] = v} and {@code m["k"] = v}. */
@NodeInfo(shortName = "[]=")
public final class AssignIndexNode extends AdcNode {
    @Child private AdcNode receiver;
    @Child private AdcNode index;
    @Child private AdcNode value;

    public AssignIndexNode(AdcNode receiver, AdcNode index, AdcNode value) {
        this.receiver = receiver;
        this.index = index;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object r = receiver.executeGeneric(frame);
        Object i = index.executeGeneric(frame);
        Object v = value.executeGeneric(frame);
        IndexNode.set(this, r, i, v);
        return v;
    }
}
