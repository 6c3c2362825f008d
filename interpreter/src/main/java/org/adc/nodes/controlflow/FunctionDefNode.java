package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcFunction;
import org.adc.units.Dimension;

/**
 * Evaluates a function definition or lambda to a function value: defaults are evaluated now,
 * and a nested function captures the enclosing frame (closures).
 */
@NodeInfo(shortName = "fn")
public final class FunctionDefNode extends AdcNode {
    private final String name;
    private final RootCallTarget target;
    private final String[] paramNames;
    private final Dimension[] paramDims;
    @Children private final AdcNode[] defaults;
    private final boolean captures;
    private final boolean recipe;

    public FunctionDefNode(String name, RootCallTarget target, String[] paramNames, Dimension[] paramDims, AdcNode[] defaults,
                           boolean captures, boolean recipe) {
        this.name = name;
        this.target = target;
        this.paramNames = paramNames;
        this.paramDims = paramDims;
        this.defaults = defaults;
        this.captures = captures;
        this.recipe = recipe;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] d = new Object[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            d[i] = defaults[i] == null ? null : defaults[i].executeGeneric(frame);
        }
        return make(d, captures ? frame.materialize() : null);
    }

    @TruffleBoundary
    private AdcFunction make(Object[] d, MaterializedFrame captured) {
        return new AdcFunction(name, target, paramNames, d, paramDims, captured, recipe);
    }
}
