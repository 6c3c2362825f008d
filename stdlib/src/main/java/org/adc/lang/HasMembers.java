package org.adc.lang;

import java.util.Collection;

/**
 * A value with named members reachable with {@code value.name} in a script: records, modules,
 * tables, structures, devices. Methods are members that are {@link NativeFunction}s bound to the receiver.
 */
public interface HasMembers {
    /** The member called {@code name}, or null when there is none. */
    Object member(String name);

    /** Names of all members, for completion and error hints. */
    Collection<String> memberNames();

    /** Type name shown in messages and by {@code type(x)}, e.g. "record", "table", "structure". */
    String typeName();
}
