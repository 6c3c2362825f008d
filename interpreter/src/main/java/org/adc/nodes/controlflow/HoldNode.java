package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.AdcError;
import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.AdcFunction;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * {@code hold DURATION until COND with holdback = 2 K, every = 10 s}: dwell on the run's clock for
 * the duration, or until the condition holds (checked every step), whichever comes first. Without a
 * duration it waits for the condition alone. With a holdback band the dwell time counts only while
 * every furnace is within the band of its setpoint. Limits and logs keep running meanwhile.
 */
@NodeInfo(shortName = "hold")
public final class HoldNode extends AdcNode {
    @Child private AdcNode duration;
    @Child private AdcNode condition;
    @Child private AdcNode holdback;
    @Child private AdcNode every;

    /** condition, if present, evaluates to a function of no arguments (built by the parser). */
    public HoldNode(AdcNode duration, AdcNode condition, AdcNode holdback, AdcNode every) {
        this.duration = duration;
        this.condition = condition;
        this.holdback = holdback;
        this.every = every;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object d = duration == null ? null : duration.executeGeneric(frame);
        Object c = condition == null ? null : condition.executeGeneric(frame);
        Object hb = holdback == null ? null : holdback.executeGeneric(frame);
        Object ev = every == null ? null : every.executeGeneric(frame);
        run(d, c, hb, ev);
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void run(Object d, Object c, Object hb, Object ev) {
        double seconds = d == null ? Double.POSITIVE_INFINITY : si(d, Dimension.TIME, "hold duration");
        double band = hb == null ? 0 : ((Quantity) check(hb, Dimension.TEMPERATURE, "holdback")).asDifference().si();
        double step = ev == null ? Double.POSITIVE_INFINITY : si(ev, Dimension.TIME, "every");
        AdcFunction until = (AdcFunction) c;
        try {
            AdcContext.get(this).env().procedures().hold(seconds, until == null ? null : () -> Values.truthy(until.call()), band, step);
        } catch (AdcError e) {
            throw new AdcException(e.getMessage(), e.hint(), this);
        }
    }

    private Object check(Object v, Dimension d, String what) {
        if (v instanceof Quantity q && q.dimension().equals(d)) {
            return q;
        }
        throw new AdcException(what + " must be " + d.name() + ", got " + Values.describe(v), "write it with a unit, e.g. 30 min", this);
    }

    private double si(Object v, Dimension d, String what) {
        return ((Quantity) check(v, d, what)).si();
    }
}
