package org.adc.nodes.local;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Assigns a {@code var} of an enclosing function through the captured frame. */
@NodeInfo(shortName = "writeOuter")
public final class WriteCapturedNode extends AdcNode {
    private final int depth;
    private final int slot;
    @Child private AdcNode value;

    public WriteCapturedNode(int depth, int slot, AdcNode value) {
        this.depth = depth;
        this.slot = slot;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        Frame f = CapturedAccess.frameAt(frame, depth);
        f.getFrameDescriptor().setSlotKind(slot, FrameSlotKind.Object);
        f.setObject(slot, v);
        return v;
    }
}
