package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;

/** {@code raise value}: a string becomes the message; a record {message, hint} sets both. */
@NodeInfo(shortName = "raise")
public final class RaiseNode extends AdcNode {
    @Child private AdcNode value;

    public RaiseNode(AdcNode value) {
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        throw make(v);
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private AdcException make(Object v) {
        if (v instanceof Record r && r.member("message") != null) {
            Object hint = r.member("hint");
            return new AdcException(Values.display(r.member("message")), hint instanceof String h ? h : null, this, v);
        }
        return new AdcException(Values.display(v), null, this, v);
    }
}
