package org.adc.nodes.local;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Walks the chain of captured frames: each function's argument 0 is the frame it closes over. */
final class CapturedAccess {
    private CapturedAccess() {
    }

    @ExplodeLoop
    static Frame frameAt(Frame frame, int depth) {
        Frame f = frame;
        for (int i = 0; i < depth; i++) {
            f = (MaterializedFrame) f.getArguments()[0];
        }
        return f;
    }
}
