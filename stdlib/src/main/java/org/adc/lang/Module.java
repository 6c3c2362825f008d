package org.adc.lang;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A standard-library module: a table from names to functions and constants, as a Lua library
 * ends in a table. {@code import units} binds the module to a name; {@code units.parse("eV")}
 * reaches a member.
 */
public final class Module implements HasMembers {
    private final String name;
    private final String summary;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final Map<String, Doc> constantDocs = new LinkedHashMap<>();

    public Module(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public Module add(NativeFunction f) {
        members.put(f.name(), f);
        return this;
    }

    /** Adds a constant with its page. */
    public Module constant(String cname, Object value, Doc doc) {
        members.put(cname, value);
        constantDocs.put(cname, doc);
        return this;
    }

    /** Reference page of a member (function or constant), or null. */
    public Doc docOf(String member) {
        Object m = members.get(member);
        if (m instanceof NativeFunction f) {
            return f.doc();
        }
        return constantDocs.get(member);
    }

    public Map<String, Object> members() {
        return members;
    }

    @Override
    public Object member(String n) {
        return members.get(n);
    }

    @Override
    public Collection<String> memberNames() {
        return members.keySet();
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module " + name + ">";
    }
}
