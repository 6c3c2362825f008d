package org.adc.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Reads argument {@code index} of the current call (argument 0 is the captured frame). */
@NodeInfo(shortName = "arg")
public final class ReadArgumentNode extends AdcNode {
    private final int index;

    public ReadArgumentNode(int index) {
        this.index = index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return frame.getArguments()[index];
    }
}
