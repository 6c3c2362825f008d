package org.adc.nodes.expression;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * Calls a call target with an inline cache of direct call nodes (so the callee can be inlined),
 * falling back to an indirect call when a site sees many callees, as in SimpleLanguage.
 */
public abstract class DispatchNode extends Node {
    public abstract Object executeDispatch(RootCallTarget target, Object[] arguments);

    @Specialization(guards = "target == cachedTarget", limit = "3")
    protected static Object doDirect(RootCallTarget target, Object[] arguments,
                                     @Cached("target") RootCallTarget cachedTarget,
                                     @Cached("create(cachedTarget)") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    @Specialization(replaces = "doDirect")
    protected static Object doIndirect(RootCallTarget target, Object[] arguments,
                                       @Cached IndirectCallNode callNode) {
        return callNode.call(target, arguments);
    }
}
