package org.adc.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** A mutable list value: {@code [1, 2 eV, "x"]}. Indexing is zero-based; negative indices count from the end. */
public final class AdcList implements Iterable<Object> {
    private final ArrayList<Object> items;

    public AdcList() {
        this.items = new ArrayList<>();
    }

    public AdcList(Collection<?> items) {
        this.items = new ArrayList<>(items);
    }

    public static AdcList of(Object... xs) {
        return new AdcList(List.of(xs));
    }

    public int size() {
        return items.size();
    }

    /** Element at {@code index} (negative counts from the end); throws {@link AdcError} when out of range. */
    public Object get(long index) {
        return items.get(checkIndex(index));
    }

    public void set(long index, Object value) {
        items.set(checkIndex(index), value);
    }

    public void add(Object value) {
        items.add(value);
    }

    private int checkIndex(long index) {
        long i = index < 0 ? index + items.size() : index;
        if (i < 0 || i >= items.size()) {
            throw new AdcError("index " + index + " out of range for a list of " + items.size() + " elements",
                "valid indices are 0 .. " + (items.size() - 1) + " (or -1 for the last element)");
        }
        return (int) i;
    }

    /** The backing Java list (mutable). */
    public List<Object> items() {
        return items;
    }

    @Override
    public Iterator<Object> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdcList l && l.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return Values.display(this);
    }
}
