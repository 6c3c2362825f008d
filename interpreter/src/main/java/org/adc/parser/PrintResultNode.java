package org.adc.parser;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import org.adc.AdcContext;
import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;

/** In the REPL, prints the value of an input that ends in an expression (unless it is none), long values shortened. */
final class PrintResultNode extends AdcNode {
    @Child private AdcNode body;

    PrintResultNode(AdcNode body) {
        this.body = body;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = body.executeGeneric(frame);
        print(v);
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void print(Object v) {
        if (v != None.INSTANCE && v != null) {
            AdcContext.get(this).out().println(org.adc.runtime.ReplDisplay.of(v));
        }
    }
}
