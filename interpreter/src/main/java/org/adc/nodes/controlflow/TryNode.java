package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;

/**
 * {@code try { ... } catch e { ... } finally { ... }}. The handler sees the error as a record
 * {message, hint, value, line}; {@code value} is what {@code raise} was given. The finally block
 * runs on every exit, including break, return and errors (the procedure runtime relies on it).
 */
@NodeInfo(shortName = "try")
public final class TryNode extends AdcNode {
    @Child private AdcNode body;
    @Child private AdcNode handler;
    @Child private AdcNode finalizer;
    @Child private AdcNode bindError;

    private final int errorSlot;

    /**
     * @param bindError writes the caught error record (found in {@code errorSlot}) into the handler's variable, or null
     */
    public TryNode(AdcNode body, AdcNode handler, AdcNode bindError, int errorSlot, AdcNode finalizer) {
        this.body = body;
        this.errorSlot = errorSlot;
        this.handler = handler;
        this.bindError = bindError;
        this.finalizer = finalizer;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        try {
            if (handler == null) {
                body.executeVoid(frame);
            } else {
                try {
                    body.executeVoid(frame);
                } catch (AdcException e) {
                    if (bindError != null) {
                        frame.getFrameDescriptor().setSlotKind(errorSlot, com.oracle.truffle.api.frame.FrameSlotKind.Object);
                        frame.setObject(errorSlot, errorRecord(e));
                        bindError.executeVoid(frame);
                    }
                    handler.executeVoid(frame);
                }
            }
        } finally {
            if (finalizer != null) {
                finalizer.executeVoid(frame);
            }
        }
        return None.INSTANCE;
    }

    @TruffleBoundary
    static Record errorRecord(AdcException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.rawMessage());
        m.put("hint", e.hint() == null ? None.INSTANCE : e.hint());
        m.put("value", e.payload() == null ? e.rawMessage() : e.payload());
        var s = e.section();
        m.put("line", s == null ? (Object) None.INSTANCE : (Object) (long) s.getStartLine());
        return new Record(m);
    }
}
