package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.AdcList;
import org.adc.nodes.AdcNode;

/** {@code [a, b, c]}. */
@NodeInfo(shortName = "[]")
public final class ListLiteralNode extends AdcNode {
    @Children private final AdcNode[] elements;

    public ListLiteralNode(AdcNode[] elements) {
        this.elements = elements;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] values = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = elements[i].executeGeneric(frame);
        }
        return build(values);
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static AdcList build(Object[] values) {
        return new AdcList(java.util.Arrays.asList(values));
    }
}
