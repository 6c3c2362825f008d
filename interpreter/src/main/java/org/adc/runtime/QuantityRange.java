package org.adc.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.adc.units.Quantity;

/**
 * A range of quantities or floats, {@code 300 K .. 700 K step 50 K}: start + k·step for k = 0, 1, ...
 * up to the end (inclusive within a relative tolerance of 1e-9 of the step, so 0.1-steps do not lose
 * their last point to rounding). Values are computed as start + k·step, not by repeated addition.
 */
public final class QuantityRange implements Iterable<Object> {
    private final Quantity start;
    private final Quantity step;
    private final long count;
    private final boolean plain;

    public QuantityRange(Quantity start, Quantity end, Quantity step, boolean inclusive, boolean plain) {
        this.start = start;
        this.step = step;
        this.plain = plain;
        double span = (end.si() - start.si()) / step.si();
        long n = (long) Math.floor(span + 1e-9) + 1;
        if (!inclusive && Math.abs(span - Math.rint(span)) < 1e-9) {
            n = (long) Math.rint(span);
        }
        this.count = Math.max(0, n);
    }

    public long size() {
        return count;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            long k;

            @Override
            public boolean hasNext() {
                return k < count;
            }

            @Override
            public Object next() {
                if (k >= count) {
                    throw new NoSuchElementException();
                }
                Quantity q = start.add(step.scale(k++));
                return plain ? (Object) q.si() : q;
            }
        };
    }

    @Override
    public String toString() {
        return start + " .. (" + count + " values) step " + step;
    }
}
