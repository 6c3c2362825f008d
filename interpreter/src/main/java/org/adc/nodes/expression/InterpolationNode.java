package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.Values;
import org.adc.nodes.AdcNode;

/** A string with {@code ${expr}} parts: each part is shown as print would show it. */
@NodeInfo(shortName = "\"${}\"")
public final class InterpolationNode extends AdcNode {
    @Children private final AdcNode[] parts;

    public InterpolationNode(AdcNode[] parts) {
        this.parts = parts;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] v = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parts[i].executeGeneric(frame);
        }
        return join(v);
    }

    @TruffleBoundary
    private static String join(Object[] v) {
        StringBuilder sb = new StringBuilder();
        for (Object o : v) {
            sb.append(Values.display(o));
        }
        return sb.toString();
    }
}
