package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RepeatingNode;

import java.util.Iterator;

import org.adc.lang.AdcMap;
import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.ControlFlow;
import org.adc.runtime.LongRange;

/**
 * {@code for x in xs { ... }}. An integer range runs as a counted loop on long slots (compiled
 * with OSR); any other iterable (list, quantity range, table, map keys) through its iterator.
 * {@code for k, v in map} binds key and value; {@code for i, x in list} index and element.
 */
@NodeInfo(shortName = "for")
public final class ForRangeNode extends AdcNode {
    @Child private AdcNode iterable;
    @Child private LoopNode countedLoop;
    @Child private LoopNode iteratorLoop;
    private final int varSlot;
    private final int secondSlot;
    private final int counterSlot;
    private final int endSlot;
    private final int stepSlot;
    private final int iterSlot;

    public ForRangeNode(AdcNode iterable, AdcNode body, int varSlot, int secondSlot, int counterSlot, int endSlot, int stepSlot, int iterSlot) {
        this.iterable = iterable;
        this.varSlot = varSlot;
        this.secondSlot = secondSlot;
        this.counterSlot = counterSlot;
        this.endSlot = endSlot;
        this.stepSlot = stepSlot;
        this.iterSlot = iterSlot;
        this.countedLoop = Truffle.getRuntime().createLoopNode(new Counted(body, varSlot, counterSlot, endSlot, stepSlot));
        this.iteratorLoop = Truffle.getRuntime().createLoopNode(new Iterating(body, varSlot, secondSlot, iterSlot));
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object it = iterable.executeGeneric(frame);
        try {
            if (it instanceof LongRange r && secondSlot < 0) {
                long n = r.size();
                frame.setLong(counterSlot, r.start);
                frame.setLong(endSlot, r.start + r.step * n);
                frame.setLong(stepSlot, r.step);
                countedLoop.execute(frame);
            } else {
                frame.setObject(iterSlot, iterator(it));
                iteratorLoop.execute(frame);
            }
        } catch (ControlFlow.Break b) {
            // loop left by break
        }
        return None.INSTANCE;
    }

    @CompilerDirectives.TruffleBoundary
    private Iterator<?> iterator(Object it) {
        if (it instanceof AdcMap m) {
            if (secondSlot >= 0) {
                return m.entries().entrySet().iterator();
            }
            return m.entries().keySet().iterator();
        }
        if (it instanceof Iterable<?> i) {
            if (secondSlot >= 0) {
                Iterator<?> base = i.iterator();
                return new Iterator<Object[]>() {
                    long k;

                    @Override
                    public boolean hasNext() {
                        return base.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        return new Object[]{k++, base.next()};
                    }
                };
            }
            return i.iterator();
        }
        if (it instanceof String s) {
            return s.codePoints().mapToObj(Character::toString).iterator();
        }
        throw new AdcException("cannot iterate over " + Values.describe(it), "iterate over a list, range, map, table or string", this);
    }

    private static final class Counted extends Node implements RepeatingNode {
        @Child private AdcNode body;
        private final int varSlot;
        private final int counterSlot;
        private final int endSlot;
        private final int stepSlot;

        Counted(AdcNode body, int varSlot, int counterSlot, int endSlot, int stepSlot) {
            this.body = body;
            this.varSlot = varSlot;
            this.counterSlot = counterSlot;
            this.endSlot = endSlot;
            this.stepSlot = stepSlot;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            long i = frame.getLong(counterSlot);
            if (i == frame.getLong(endSlot)) {
                return false;
            }
            frame.getFrameDescriptor().setSlotKind(varSlot, FrameSlotKind.Long);
            frame.setLong(varSlot, i);
            frame.setLong(counterSlot, i + frame.getLong(stepSlot));
            try {
                body.executeVoid(frame);
            } catch (ControlFlow.Continue c) {
                // next iteration
            }
            return true;
        }
    }

    private static final class Iterating extends Node implements RepeatingNode {
        @Child private AdcNode body;
        private final int varSlot;
        private final int secondSlot;
        private final int iterSlot;

        Iterating(AdcNode body, int varSlot, int secondSlot, int iterSlot) {
            this.body = body;
            this.varSlot = varSlot;
            this.secondSlot = secondSlot;
            this.iterSlot = iterSlot;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            Iterator<?> it = (Iterator<?>) frame.getObject(iterSlot);
            Object next = next(it);
            if (next == NONE_LEFT) {
                return false;
            }
            frame.getFrameDescriptor().setSlotKind(varSlot, FrameSlotKind.Object);
            if (secondSlot >= 0) {
                frame.getFrameDescriptor().setSlotKind(secondSlot, FrameSlotKind.Object);
                if (next instanceof java.util.Map.Entry<?, ?> e) {
                    frame.setObject(varSlot, e.getKey());
                    frame.setObject(secondSlot, e.getValue());
                } else {
                    Object[] pair = (Object[]) next;
                    frame.setObject(varSlot, pair[0]);
                    frame.setObject(secondSlot, org.adc.runtime.Ops.normalize(pair[1]));
                }
            } else {
                frame.setObject(varSlot, org.adc.runtime.Ops.normalize(next));
            }
            try {
                body.executeVoid(frame);
            } catch (ControlFlow.Continue c) {
                // next iteration
            }
            return true;
        }

        private static final Object NONE_LEFT = new Object();

        @CompilerDirectives.TruffleBoundary
        private static Object next(Iterator<?> it) {
            return it.hasNext() ? it.next() : NONE_LEFT;
        }
    }
}
