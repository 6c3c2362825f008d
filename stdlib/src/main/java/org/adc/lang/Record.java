package org.adc.lang;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable record with named fields in order: {@code {path: "Si28-Si20", barrier: 0.903 eV}}.
 * Fields are read with {@code r.path}; {@code r.with(barrier = 0.5 eV)} makes a changed copy.
 */
public final class Record implements HasMembers {
    private final Map<String, Object> fields;

    public Record(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public Object member(String name) {
        return fields.get(name);
    }

    @Override
    public Collection<String> memberNames() {
        return fields.keySet();
    }

    @Override
    public String typeName() {
        return "record";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && r.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return Values.display(this);
    }
}
