package org.adc.lang;

import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable map value with keys in insertion order: {@code {"Na": 22.99 g/mol, "Si": 28.085 g/mol}}. */
public final class AdcMap {
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    public Object get(Object key) {
        Object v = entries.get(key);
        if (v == null) {
            throw new AdcError("key " + Values.repr(key) + " not in map", "check the key, or use m.get(key, default)");
        }
        return v;
    }

    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    public Map<Object, Object> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdcMap m && m.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return Values.display(this);
    }
}
