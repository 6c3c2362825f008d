package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.HasMembers;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.Ops;

/** {@code x in xs} / {@code x not in xs}: list element, map key, record field, substring, or range membership. */
@NodeInfo(shortName = "in")
public final class InNode extends AdcNode {
    @Child private AdcNode element;
    @Child private AdcNode container;
    private final boolean negate;

    public InNode(AdcNode element, AdcNode container, boolean negate) {
        this.element = element;
        this.container = container;
        this.negate = negate;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        Object e = element.executeGeneric(frame);
        Object c = container.executeGeneric(frame);
        return contains(e, c) != negate;
    }

    @TruffleBoundary
    private boolean contains(Object e, Object c) {
        if (c instanceof AdcList l) {
            for (Object x : l) {
                if (Ops.equal(x, e)) {
                    return true;
                }
            }
            return false;
        }
        if (c instanceof AdcMap m) {
            return m.entries().containsKey(e);
        }
        if (c instanceof String s && e instanceof String sub) {
            return s.contains(sub);
        }
        if (c instanceof HasMembers h && e instanceof String name) {
            return h.memberNames().contains(name);
        }
        if (c instanceof Iterable<?> it) {
            for (Object x : it) {
                if (Ops.equal(x, e)) {
                    return true;
                }
            }
            return false;
        }
        throw new AdcException("'in' is not defined for " + Values.describe(c), "use a list, map, record, string or range", this);
    }
}
