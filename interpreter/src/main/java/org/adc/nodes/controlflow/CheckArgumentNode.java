package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.units.Dimension;
import org.adc.units.DimensionHints;
import org.adc.units.Quantity;

/** Checks a parameter declared with a unit ({@code fn f(ea: eV)}) has that dimension when the function is called. */
@NodeInfo(shortName = "checkArg")
public final class CheckArgumentNode extends AdcNode {
    @Child private AdcNode value;
    private final Dimension dimension;
    private final String function;
    private final String param;
    private final int index;

    public CheckArgumentNode(AdcNode value, Dimension dimension, String function, String param, int index) {
        this.value = value;
        this.dimension = dimension;
        this.function = function;
        this.param = param;
        this.index = index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        if (v instanceof Quantity q && q.dimension().equals(dimension)) {
            return v;
        }
        if ((v instanceof Long || v instanceof Double) && dimension.isNone()) {
            return v;
        }
        if (v instanceof Quantity q && q.dimension().amountOffset(dimension) != null) {
            // molar ↔ per particle through the Avogadro constant, as library parameters convert (adc check warns)
            return perParticle(q);
        }
        throw fail(v);
    }

    /** The parameter's position in the declaration (0-based). */
    public int index() {
        return index;
    }

    public String param() {
        return param;
    }

    @TruffleBoundary
    private Object perParticle(Quantity q) {
        return q.to(org.adc.units.Units.siUnit(dimension));
    }

    @TruffleBoundary
    private AdcException fail(Object v) {
        return new AdcException("bad argument #" + (index + 1) + " '" + param + "' to '" + function + "' (" + dimension.name()
            + " expected, got " + Values.describe(v) + ")",
            v instanceof Quantity q ? DimensionHints.orDefault(dimension, q.dimension()) : "pass a value in units of " + dimension.name(), this);
    }
}
