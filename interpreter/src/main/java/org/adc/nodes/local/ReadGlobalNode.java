package org.adc.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.GlobalCell;

/** Reads a top-level name: a script variable, a function, an imported module or a library global. The cell is cached. */
@NodeInfo(shortName = "global")
public final class ReadGlobalNode extends AdcNode {
    private final String name;
    @CompilationFinal private GlobalCell cell;

    public ReadGlobalNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        GlobalCell c = cell;
        if (c == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            c = AdcContext.get(this).globals().cell(name);
            cell = c;
        }
        if (!c.defined) {
            CompilerDirectives.transferToInterpreter();
            throw new AdcException("unknown name '" + name + "'", AdcContext.get(this).suggest(name), this);
        }
        return c.value;
    }
}
