package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;
import org.adc.runtime.Members;
import org.adc.runtime.Ops;

/** {@code receiver.name}: a record field, a module member, or a method bound to the receiver. */
@NodeInfo(shortName = ".")
public final class MemberNode extends AdcNode {
    @Child private AdcNode receiver;
    private final String name;

    public MemberNode(AdcNode receiver, String name) {
        this.receiver = receiver;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public AdcNode receiver() {
        return receiver;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return Ops.normalize(Members.get(this, receiver.executeGeneric(frame), name));
    }
}
