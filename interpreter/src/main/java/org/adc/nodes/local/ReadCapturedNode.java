package org.adc.nodes.local;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Reads a variable of an enclosing function from the captured frame {@code depth} levels out. */
@NodeInfo(shortName = "readOuter")
public final class ReadCapturedNode extends AdcNode {
    private final int depth;
    private final int slot;

    public ReadCapturedNode(int depth, int slot) {
        this.depth = depth;
        this.slot = slot;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Frame f = CapturedAccess.frameAt(frame, depth);
        return f.getValue(slot);
    }
}
