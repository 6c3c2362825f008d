package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-level names of one context: the standard library's globals, imported modules, and the
 * script's (or REPL session's) own top-level variables and functions. Cells are never removed,
 * so a read node may cache the cell it found.
 */
public final class GlobalScope {
    private final Map<String, GlobalCell> cells = new LinkedHashMap<>();

    @TruffleBoundary
    public GlobalCell cell(String name) {
        return cells.computeIfAbsent(name, GlobalCell::new);
    }

    @TruffleBoundary
    public GlobalCell find(String name) {
        GlobalCell c = cells.get(name);
        return c != null && c.defined ? c : null;
    }

    @TruffleBoundary
    public void define(String name, Object value, boolean mutable) {
        GlobalCell c = cell(name);
        c.value = value;
        c.mutable = mutable;
        c.defined = true;
    }

    public Map<String, GlobalCell> cells() {
        return cells;
    }
}
