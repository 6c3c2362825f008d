package org.adc.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.GlobalCell;

/**
 * Defines ({@code let}/{@code var}/{@code fn} at top level) or assigns a top-level variable.
 * Assigning a {@code let} is an error.
 */
@NodeInfo(shortName = "global=")
public final class WriteGlobalNode extends AdcNode {
    private final String name;
    private final boolean declare;
    private final boolean mutable;
    @Child private AdcNode value;
    @CompilationFinal private GlobalCell cell;

    public WriteGlobalNode(String name, AdcNode value, boolean declare, boolean mutable) {
        this.name = name;
        this.value = value;
        this.declare = declare;
        this.mutable = mutable;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        GlobalCell c = cell;
        if (c == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            c = AdcContext.get(this).globals().cell(name);
            cell = c;
        }
        if (declare) {
            c.mutable = mutable;
            c.defined = true;
        } else if (!c.defined || !c.mutable) {
            CompilerDirectives.transferToInterpreter();
            throw new AdcException(c.defined ? "cannot assign to '" + name + "': it was declared with let" : "unknown name '" + name + "'",
                c.defined ? "declare it with var to make it assignable" : "declare it first with let or var", this);
        }
        c.value = v;
        return v;
    }
}
