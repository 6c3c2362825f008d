package org.adc.lib;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.Module;

/**
 * The standard library's table of contents: the names every script sees without an import
 * (globals) and the modules {@code import NAME} can load. Each library is one class ending in a
 * {@link Module} (as a Lua library ends in a table); this class only lists them, in load order.
 */
public final class Stdlib {
    private Stdlib() {
    }

    private static Map<String, Module> modules;

    /** Importable modules by name. */
    public static synchronized Map<String, Module> modules() {
        if (modules == null) {
            Map<String, Module> m = new LinkedHashMap<>();
            for (Module mod : LibraryList.all()) {
                m.put(mod.name(), mod);
            }
            modules = m;
        }
        return modules;
    }

    /**
     * Names visible without an import: every member of the modules marked global in
     * {@link LibraryList#GLOBAL_MODULES}, in order (a later module does not override an earlier name).
     */
    public static Map<String, Object> globals() {
        Map<String, Object> g = new LinkedHashMap<>();
        for (String name : LibraryList.GLOBAL_MODULES) {
            Module mod = modules().get(name);
            if (mod != null) {
                mod.members().forEach(g::putIfAbsent);
            }
        }
        return g;
    }
}
