package org.adc.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;

/** A sequence of statements; its value is the last statement's value (used by the REPL). */
@NodeInfo(shortName = "block")
public final class BlockNode extends AdcNode {
    @Children private final AdcNode[] statements;

    public BlockNode(AdcNode[] statements) {
        this.statements = statements;
    }

    @Override
    @ExplodeLoop
    public void executeVoid(VirtualFrame frame) {
        for (AdcNode s : statements) {
            s.executeVoid(frame);
        }
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        int last = statements.length - 1;
        for (int i = 0; i < last; i++) {
            statements[i].executeVoid(frame);
        }
        return last < 0 ? None.INSTANCE : statements[last].executeGeneric(frame);
    }
}
