package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.Module;
import org.adc.lang.None;
import org.adc.lib.Stdlib;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;

/** {@code import structure [as s]}: binds a standard-library module to a top-level name. */
@NodeInfo(shortName = "import")
public final class ImportNode extends AdcNode {
    private final String module;
    private final String alias;

    public ImportNode(String module, String alias) {
        this.module = module;
        this.alias = alias;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        bind();
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void bind() {
        Module m = Stdlib.modules().get(module);
        if (m == null) {
            throw new AdcException("no module named '" + module + "'", "available modules: " + String.join(", ", Stdlib.modules().keySet()), this);
        }
        AdcContext.get(this).globals().define(alias, m, false);
    }
}
