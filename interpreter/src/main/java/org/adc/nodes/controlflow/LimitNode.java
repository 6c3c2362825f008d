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

/**
 * {@code limit furnace.temperature <= 460 degC, "Na24Si136 decomposes above 450 degC"}: an
 * interlock. The condition must hold now and after every step of the run's clock; a breach aborts
 * the recipe (its finally blocks run) and every device goes to its safe state.
 */
@NodeInfo(shortName = "limit")
public final class LimitNode extends AdcNode {
    @Child private AdcNode condition;
    @Child private AdcNode message;
    private final String text;

    public LimitNode(AdcNode condition, AdcNode message, String text) {
        this.condition = condition;
        this.message = message;
        this.text = text;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object c = condition.executeGeneric(frame);
        Object m = message == null ? null : message.executeGeneric(frame);
        register((AdcFunction) c, m);
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void register(AdcFunction fn, Object m) {
        try {
            AdcContext.get(this).env().procedures().addLimit(() -> Values.truthy(fn.call()), text, m == null ? null : Values.display(m));
        } catch (AdcError e) {
            throw new AdcException(e.getMessage(), e.hint(), this);
        }
    }
}
