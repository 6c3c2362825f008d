package org.adc.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lib.Stdlib;
import org.adc.units.Units;

/**
 * What the editor knows about the library: the global names, the importable modules and their
 * members with their reference pages ({@link Doc}), and the unit symbols. Read once from the same
 * objects the interpreter runs ({@link Stdlib}, {@link CoreBuiltins}, {@link Units}), so hover,
 * completion, the REPL's {@code :help} and {@code docs/reference/} show one text.
 */
public final class StdlibIndex {
    /** A library name: a function or a constant of a module. */
    public record Entry(String name, Module module, Object value) {
        public NativeFunction function() {
            return value instanceof NativeFunction f ? f : null;
        }

        public Doc doc() {
            return module.docOf(name);
        }

        /**
         * The page as Markdown: for a library function or constant the page of docs/reference/
         * ({@link org.adc.docs.ReferenceDocs#page}); for a device's operation its Doc titled with the signature.
         */
        public String markdown() {
            if (isLibrary(module)) {
                return org.adc.docs.ReferenceDocs.page(module, name);
            }
            Doc d = doc();
            String title = function() != null ? function().signature() : name;
            String origin = "*module `" + module.name() + "`*\n\n";
            if (d == null) {
                return "## " + title + "\n\n" + origin;
            }
            return d.markdown(title).replaceFirst("\n\n", "\n\n" + origin);
        }
    }

    private static boolean isLibrary(Module m) {
        return CoreBuiltins.modules().contains(m) || Stdlib.modules().get(m.name()) == m;
    }

    private static volatile StdlibIndex instance;

    private final Map<String, Entry> globals = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final List<String> units;

    private StdlibIndex() {
        for (Module m : CoreBuiltins.modules()) {
            for (String n : m.memberNames()) {
                globals.putIfAbsent(n, new Entry(n, m, m.member(n)));
            }
        }
        Map<String, Object> g = Stdlib.globals();
        for (Module m : Stdlib.modules().values()) {
            modules.put(m.name(), m);
            for (String n : m.memberNames()) {
                if (g.containsKey(n) && g.get(n) == m.member(n)) {
                    globals.putIfAbsent(n, new Entry(n, m, m.member(n)));
                }
            }
        }
        units = List.copyOf(Units.symbols());
    }

    public static StdlibIndex get() {
        StdlibIndex i = instance;
        if (i == null) {
            synchronized (StdlibIndex.class) {
                if (instance == null) {
                    instance = new StdlibIndex();
                }
                i = instance;
            }
        }
        return i;
    }

    /** Names every script sees without an import. */
    public Map<String, Entry> globals() {
        return Collections.unmodifiableMap(globals);
    }

    /** Importable modules by name. */
    public Map<String, Module> modules() {
        return Collections.unmodifiableMap(modules);
    }

    public Entry global(String name) {
        return globals.get(name);
    }

    /** A member of a module, or null. */
    public Entry member(String module, String name) {
        Module m = modules.get(module);
        if (m == null || !m.memberNames().contains(name)) {
            return null;
        }
        return new Entry(name, m, m.member(name));
    }

    public List<Entry> members(String module) {
        Module m = modules.get(module);
        if (m == null) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (String n : m.memberNames()) {
            out.add(new Entry(n, m, m.member(n)));
        }
        return out;
    }

    private Map<String, org.adc.lang.HasMembers> devices;

    /**
     * Prototype devices by the lab function that makes them (furnace, smu, press): their readings
     * and operations (with pages) for completion and hover after {@code f.} where {@code let f = furnace()}.
     */
    public synchronized Map<String, org.adc.lang.HasMembers> devices() {
        if (devices == null) {
            Map<String, org.adc.lang.HasMembers> d = new LinkedHashMap<>();
            try {
                org.adc.device.SimFurnace f = new org.adc.device.SimFurnace("furnace", 1473.15, 20.0 / 60, 180, 600, 1273.15);
                d.put("furnace", f);
                d.put("smu", new org.adc.device.SimSourceMeter("smu", 200, 0.1, new org.adc.device.AdcCellLoad(0.78), f));
                d.put("press", new org.adc.device.SimPress("press", 10e9, 1e9 / 60, null));
            } catch (RuntimeException | LinkageError e) {
                // a device that cannot be built offers no completion
            }
            devices = d;
        }
        return devices;
    }

    /** Members of a prototype device as entries (operations with their pages). */
    public List<Entry> deviceMembers(String kind) {
        org.adc.lang.HasMembers dev = devices().get(kind);
        if (dev == null) {
            return List.of();
        }
        Module m = new Module(kind, "lab device " + kind);
        for (String n : dev.memberNames()) {
            Object v = dev.member(n);
            if (v instanceof NativeFunction f) {
                m.add(f);
            } else {
                m.constant(n, v, new Doc("reading or property of the " + kind, null, null, null, null, null, null, null));
            }
        }
        List<Entry> out = new ArrayList<>();
        for (String n : m.memberNames()) {
            out.add(new Entry(n, m, m.member(n)));
        }
        return out;
    }

    /** Unit symbols without prefixes. */
    public List<String> units() {
        return units;
    }

    /** Markdown overview of a module: its summary and members. */
    public String moduleMarkdown(Module m) {
        StringBuilder sb = new StringBuilder("## module ").append(m.name()).append("\n\n").append(m.summary()).append("\n\n");
        for (String n : m.memberNames()) {
            Doc d = m.docOf(n);
            Object v = m.member(n);
            sb.append("- `").append(v instanceof NativeFunction f ? f.signature() : n).append('`');
            if (d != null && d.summary() != null) {
                sb.append(" — ").append(d.summary());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
