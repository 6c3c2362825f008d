package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** A constant: a string, a quantity, true/false, none. Numbers use {@link LongLiteralNode} and {@link DoubleLiteralNode}. */
@NodeInfo(shortName = "const")
public final class LiteralNode extends AdcNode {
    private final Object value;

    public LiteralNode(Object value) {
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }
}
