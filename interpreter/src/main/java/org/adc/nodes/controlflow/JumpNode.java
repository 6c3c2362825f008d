package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.runtime.ControlFlow;

/** {@code break}, {@code continue} and {@code return [value]}. */
@NodeInfo(shortName = "jump")
public final class JumpNode extends AdcNode {
    /** What the jump does. */
    public enum Kind { BREAK, CONTINUE, RETURN }

    private final Kind kind;
    @Child private AdcNode value;

    public JumpNode(Kind kind, AdcNode value) {
        this.kind = kind;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        switch (kind) {
            case BREAK:
                throw ControlFlow.Break.INSTANCE;
            case CONTINUE:
                throw ControlFlow.Continue.INSTANCE;
            default:
                throw new ControlFlow.Return(value == null ? None.INSTANCE : value.executeGeneric(frame));
        }
    }
}
