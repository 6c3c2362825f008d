package org.adc.parser;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.HostNull;

/**
 * The value of a whole script as the host sees it: numbers, booleans and strings as they are,
 * none as null, anything else as its display text. Scripts talk to the user through print;
 * this only keeps the polyglot boundary valid.
 */
final class ToHostNode extends AdcNode {
    @Child private AdcNode body;

    ToHostNode(AdcNode body) {
        this.body = body;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return toHost(body.executeGeneric(frame));
    }

    @TruffleBoundary
    private static Object toHost(Object v) {
        if (v == null || v == None.INSTANCE) {
            return HostNull.INSTANCE;
        }
        if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return Values.display(v);
    }
}
