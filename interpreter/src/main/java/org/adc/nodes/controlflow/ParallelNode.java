package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.AdcError;
import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.procedure.ProcedureEngine;
import org.adc.runtime.AdcException;

/**
 * {@code parallel { furnace.ramp(...); press.compress(...); smu.apply(...) }}: the device operations
 * in the block start together (none waits for the previous one); the block ends when all of them are
 * done. Temperature, pressure and voltage can so be set at the same time (HPDC, seed 002).
 */
@NodeInfo(shortName = "parallel")
public final class ParallelNode extends AdcNode {
    @Child private AdcNode body;

    public ParallelNode(AdcNode body) {
        this.body = body;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        ProcedureEngine engine = engine();
        enter(engine);
        boolean ok = false;
        try {
            body.executeVoid(frame);
            ok = true;
        } finally {
            exit(engine, ok);
        }
        return None.INSTANCE;
    }

    @TruffleBoundary
    private ProcedureEngine engine() {
        return AdcContext.get(this).env().procedures();
    }

    @TruffleBoundary
    private static void enter(ProcedureEngine e) {
        e.enterParallel();
    }

    @TruffleBoundary
    private void exit(ProcedureEngine e, boolean wait) {
        try {
            if (wait) {
                e.exitParallel();
            } else {
                e.abandonParallel();
            }
        } catch (AdcError err) {
            throw new AdcException(err.getMessage(), err.hint(), this);
        }
    }
}
