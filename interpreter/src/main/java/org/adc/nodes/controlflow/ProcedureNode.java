package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;

/**
 * The procedure statements {@code parallel { ... }}, {@code hold DURATION until COND with ...}
 * and {@code limit COND}. They parse and check today; executing them needs the procedure runtime
 * (devices, virtual clock, interlocks), which is not part of this release, so running one stops
 * with a clear message instead of doing something half-right with hardware.
 */
@NodeInfo(shortName = "procedure")
public final class ProcedureNode extends AdcNode {
    private final String statement;
    @Children private final AdcNode[] parts;

    public ProcedureNode(String statement, AdcNode[] parts) {
        this.statement = statement;
        this.parts = parts;
    }

    public String statement() {
        return statement;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        throw unavailable();
    }

    @TruffleBoundary
    private AdcException unavailable() {
        return new AdcException("'" + statement + "' needs the procedure runtime, which this adc build does not include yet",
            "procedures (ramp, hold, apply, limits on devices) arrive with the device runtime; `adc check` already validates them", this);
    }

    static final Object NONE = None.INSTANCE;
}
