package org.adc.nodes.controlflow;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RepeatingNode;

import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.nodes.expression.ConditionNode;
import org.adc.runtime.ControlFlow;

/** {@code while cond { ... }} on a Truffle loop node, so a long loop compiles while it runs (OSR). */
@NodeInfo(shortName = "while")
public final class WhileNode extends AdcNode {
    @Child private LoopNode loop;

    public WhileNode(AdcNode condition, AdcNode body) {
        this.loop = Truffle.getRuntime().createLoopNode(new Body(new ConditionNode(condition), body));
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        try {
            loop.execute(frame);
        } catch (ControlFlow.Break b) {
            // loop left by break
        }
        return None.INSTANCE;
    }

    private static final class Body extends Node implements RepeatingNode {
        @Child private ConditionNode condition;
        @Child private AdcNode body;

        Body(ConditionNode condition, AdcNode body) {
            this.condition = condition;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            if (!condition.execute(frame)) {
                return false;
            }
            try {
                body.executeVoid(frame);
            } catch (ControlFlow.Continue c) {
                // next iteration
            }
            return true;
        }
    }
}
