package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.Diagnostic;
import org.adc.runtime.LongRange;
import org.adc.runtime.Ops;
import org.adc.runtime.QuantityRange;
import org.adc.units.Quantity;

/**
 * {@code param anneal_t = 450 degC in 300 degC .. 460 degC, "anneal temperature"}: a script
 * parameter. A value given with {@code adc run --set anneal_t=440degC} replaces the default after
 * reading it as the default's kind and dimension ({@link org.adc.runtime.ParamValue}) and checking
 * the range; otherwise the default is used.
 */
@NodeInfo(shortName = "param")
public final class ParamNode extends AdcNode {
    private final String name;
    @Child private AdcNode defaultValue;
    @Child private AdcNode range;

    public ParamNode(String name, AdcNode defaultValue, AdcNode range) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.range = range;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object d = defaultValue.executeGeneric(frame);
        Object r = range == null ? null : range.executeGeneric(frame);
        define(d, r);
        return None.INSTANCE;
    }

    public String name() {
        return name;
    }

    /**
     * True when the default and the range are made of literals and arithmetic only, so the
     * launcher's check of {@code --set} values may evaluate them before the script runs.
     */
    public boolean isConstant() {
        return ParamCheckNode.isConstant(defaultValue) && (range == null || ParamCheckNode.isConstant(range));
    }

    /** Evaluates the default and range and checks the --set value against them (nothing is defined). */
    void validate(VirtualFrame frame) {
        Object d = defaultValue.executeGeneric(frame);
        Object r = range == null ? null : range.executeGeneric(frame);
        valueFor(AdcContext.get(this), d, r);
    }

    @TruffleBoundary
    private void define(Object d, Object r) {
        AdcContext ctx = AdcContext.get(this);
        Object v = valueFor(ctx, d, r);
        ctx.globals().define(name, v, false);
        ctx.recordParameter(name, v);
    }

    /** The value of the parameter: the --set value if given and valid, else the default. A bad --set value is a usage error. */
    @TruffleBoundary
    private Object valueFor(AdcContext ctx, Object d, Object r) {
        String given = ctx.parameterOverride(name);
        if (given == null) {
            return d;
        }
        try {
            Object v = org.adc.runtime.ParamValue.parse(name, given, d);
            if (r != null && !inRange(v, r)) {
                throw new AdcException("parameter '" + name + "' = " + Values.repr(v) + " is outside its allowed range " + r,
                    "choose a value in the declared range", this);
            }
            return v;
        } catch (org.adc.runtime.ParamValue.Refused e) {
            throw ParamCheckNode.usageError(ctx, Diagnostic.format(getSourceSection(), "error", e.getMessage(), e.hint).stripTrailing(), this);
        } catch (AdcException e) {
            throw ParamCheckNode.usageError(ctx, e.getMessage(), this);
        }
    }

    private boolean inRange(Object v, Object r) {
        if (r instanceof LongRange lr) {
            return Ops.compare(this, v, lr.start, ">=") >= 0 && Ops.compare(this, v, lr.end, "<=") <= 0;
        }
        if (r instanceof RangeBounds b) {
            return Ops.compare(this, v, b.lo(), ">=") >= 0 && Ops.compare(this, v, b.hi(), "<=") <= 0;
        }
        if (r instanceof QuantityRange) {
            return true;
        }
        if (r instanceof org.adc.lang.AdcList l) {
            return l.items().stream().anyMatch(x -> Ops.equal(x, v));
        }
        return true;
    }

    /** The bounds of a parameter range, {@code lo .. hi} (the builder makes this instead of an iterable range). */
    public record RangeBounds(Object lo, Object hi) {
        @Override
        public String toString() {
            return Values.repr(lo) + " .. " + Values.repr(hi);
        }
    }

    /** Evaluates {@code lo .. hi} to bounds. */
    public static final class BoundsNode extends AdcNode {
        @Child private AdcNode lo;
        @Child private AdcNode hi;

        public BoundsNode(AdcNode lo, AdcNode hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return new RangeBounds(lo.executeGeneric(frame), hi.executeGeneric(frame));
        }
    }
}
