package org.adc.parser;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.adc.units.Dimension;

/**
 * Names visible while building one function (or the script itself): nested block scopes mapping
 * names to frame slots. The script's outermost block is the global scope and has no slots.
 */
final class Scope {
    /** A local variable: its frame slot, whether it may be assigned, and its dimension when known statically. */
    record Local(int slot, boolean mutable, Dimension dim) {
    }

    final Scope parent;
    final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    final Deque<Map<String, Local>> blocks = new ArrayDeque<>();
    final boolean script;

    Scope(Scope parent, boolean script) {
        this.parent = parent;
        this.script = script;
        blocks.push(new HashMap<>());
    }

    /** True at the outermost level of the script, where declarations are global. */
    boolean atTopLevel() {
        return script && blocks.size() == 1;
    }

    int newSlot(String name) {
        return frame.addSlot(FrameSlotKind.Illegal, name, null);
    }

    Local declare(String name, boolean mutable, Dimension dim) {
        Local l = new Local(newSlot(name), mutable, dim);
        blocks.peek().put(name, l);
        return l;
    }

    Local lookupHere(String name) {
        for (Map<String, Local> b : blocks) {
            Local l = b.get(name);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    boolean declaredInInnermostBlock(String name) {
        return blocks.peek().containsKey(name);
    }
}
