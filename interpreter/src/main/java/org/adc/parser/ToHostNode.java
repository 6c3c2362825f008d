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
    private final String sourceName;
    private final String sourceText;

    ToHostNode(AdcNode body, String sourceName, String sourceText) {
        this.body = body;
        this.sourceName = sourceName;
        this.sourceText = sourceText;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        started();
        try {
            return toHost(body.executeGeneric(frame));
        } catch (com.oracle.truffle.api.exception.AbstractTruffleException e) {
            failed(e);
            throw e;
        }
    }

    @TruffleBoundary
    private void started() {
        if (sourceName != null) {
            org.adc.AdcContext.get(this).record().recipe(sourceName, sourceText);
        }
    }

    @TruffleBoundary
    private void failed(RuntimeException e) {
        if (e instanceof org.adc.runtime.AdcExit x) {
            org.adc.AdcContext.get(this).record().failed(x.getMessage(), x.status());
            return;
        }
        String m = e instanceof org.adc.runtime.AdcException a ? a.rawMessage() : e.getMessage();
        org.adc.AdcContext.get(this).record().failed(m);
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
