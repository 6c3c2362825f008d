package org.adc.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An integer range {@code a .. b} (inclusive) or {@code a ..< b} (exclusive) with a step. */
public final class LongRange implements Iterable<Object> {
    public final long start;
    public final long end;
    public final long step;
    public final boolean inclusive;

    public LongRange(long start, long end, long step, boolean inclusive) {
        this.start = start;
        this.end = end;
        this.step = step;
        this.inclusive = inclusive;
    }

    /** Number of elements. */
    public long size() {
        long last = inclusive ? end : (step > 0 ? end - 1 : end + 1);
        if (step > 0 ? last < start : last > start) {
            return 0;
        }
        return (last - start) / step + 1;
    }

    @Override
    public Iterator<Object> iterator() {
        long n = size();
        return new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return start + step * i++;
            }
        };
    }

    @Override
    public String toString() {
        return start + (inclusive ? " .. " : " ..< ") + end + (step != 1 ? " step " + step : "");
    }
}
