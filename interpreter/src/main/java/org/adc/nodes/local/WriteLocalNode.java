package org.adc.nodes.local;

import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.nodes.AdcNode;

/** Writes a local variable; the slot keeps a primitive kind while only longs (or doubles) are stored. */
@NodeInfo(shortName = "write")
@NodeChild("valueNode")
@NodeField(name = "slot", type = int.class)
public abstract class WriteLocalNode extends AdcNode {
    protected abstract int getSlot();

    @Specialization(guards = "isKind(frame, LONG)")
    protected long writeLong(VirtualFrame frame, long value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Long);
        frame.setLong(getSlot(), value);
        return value;
    }

    /**
     * A long into a slot that is not a long slot (it has held a float): stored boxed, so the value
     * stays an integer (the double path below would widen it silently).
     */
    @Specialization(replaces = "writeLong")
    protected Object writeLongBoxed(VirtualFrame frame, long value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Object);
        frame.setObject(getSlot(), value);
        return value;
    }

    @Specialization(guards = "isKind(frame, DOUBLE)", replaces = "writeLong")
    protected double writeDouble(VirtualFrame frame, double value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Double);
        frame.setDouble(getSlot(), value);
        return value;
    }

    @Specialization(replaces = {"writeLong", "writeLongBoxed", "writeDouble"})
    protected Object write(VirtualFrame frame, Object value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Object);
        frame.setObject(getSlot(), value);
        return value;
    }

    protected static final FrameSlotKind LONG = FrameSlotKind.Long;
    protected static final FrameSlotKind DOUBLE = FrameSlotKind.Double;

    protected boolean isKind(VirtualFrame frame, FrameSlotKind kind) {
        FrameSlotKind k = frame.getFrameDescriptor().getSlotKind(getSlot());
        if (k == kind) {
            return true;
        }
        if (k == FrameSlotKind.Illegal) {
            frame.getFrameDescriptor().setSlotKind(getSlot(), kind);
            return true;
        }
        return false;
    }
}
