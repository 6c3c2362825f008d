package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.HasMembers;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;

/** {@code xs[i]}: list element (negative from the end), map value, record field by name, character of a string. */
@NodeInfo(shortName = "[]")
public final class IndexNode extends AdcNode {
    @Child private AdcNode receiver;
    @Child private AdcNode index;

    public IndexNode(AdcNode receiver, AdcNode index) {
        this.receiver = receiver;
        this.index = index;
    }

    public AdcNode receiver() {
        return receiver;
    }

    public AdcNode index() {
        return index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return get(this, receiver.executeGeneric(frame), index.executeGeneric(frame));
    }

    @TruffleBoundary
    public static Object get(AdcNode site, Object r, Object i) {
        try {
            if (r instanceof AdcList l && i instanceof Long k) {
                return l.get(k);
            }
            if (r instanceof AdcMap m) {
                return m.get(i);
            }
            if (r instanceof HasMembers h && i instanceof String name) {
                Object v = h.member(name);
                if (v == null) {
                    throw new AdcError(h.typeName() + " has no member '" + name + "'", null);
                }
                return v;
            }
            if (r instanceof String s && i instanceof Long k) {
                long j = k < 0 ? k + s.length() : k;
                if (j < 0 || j >= s.length()) {
                    throw new AdcError("index " + k + " out of range for a string of length " + s.length(), null);
                }
                return String.valueOf(s.charAt((int) j));
            }
        } catch (AdcError e) {
            throw new AdcException(e.getMessage(), e.hint(), site);
        }
        throw new AdcException("cannot index " + Values.describe(r) + " with " + Values.describe(i),
            "lists take integer indices, maps their keys, records field names", site);
    }

    @TruffleBoundary
    public static void set(AdcNode site, Object r, Object i, Object v) {
        try {
            if (r instanceof AdcList l && i instanceof Long k) {
                l.set(k, v);
                return;
            }
            if (r instanceof AdcMap m) {
                m.put(i, v);
                return;
            }
        } catch (AdcError e) {
            throw new AdcException(e.getMessage(), e.hint(), site);
        }
        throw new AdcException("cannot assign to an element of " + Values.describe(r),
            "lists and maps can be changed; records are immutable (use r.with(name = value))", site);
    }
}
