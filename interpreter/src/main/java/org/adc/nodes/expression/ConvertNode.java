package org.adc.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;
import org.adc.runtime.Ops;
import org.adc.units.Unit;

/** {@code x to unit}: unit conversion (molar ↔ per-particle through the Avogadro constant). */
@NodeInfo(shortName = "to")
public final class ConvertNode extends AdcNode {
    @Child private AdcNode value;
    private final Unit unit;

    public ConvertNode(AdcNode value, Unit unit) {
        this.value = value;
        this.unit = unit;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return Ops.convert(this, value.executeGeneric(frame), unit);
    }
}
