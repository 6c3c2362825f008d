package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;

/**
 * One gate for every route (issue 14): each library function that touches files (derived from the {@link Param#reads()}
 * / {@link Param#writes()} marks of the standard library, so a new one cannot be left out) is called directly, as a
 * value passed to user code, and, where the file is its only required argument, as a value passed to a library callback
 * ({@code map}); outside the sandbox every call is refused, inside it every file read or written is in run.json.
 */
class SandboxRoutesTest {
    @TempDir
    Path tmp;
    Path recipes;
    Path outside;

    private static final Path ROOT = Path.of(System.getProperty("adc.root", "..")).toAbsolutePath().normalize();

    /** A call of each file function: callee and arguments, P standing for the file. Keys: module.name or Type.member. */
    private static final Map<String, String[]> CALLS = new LinkedHashMap<>();

    /** The file each function reads (copied into the recipe's folder and outside it); writers get a fresh name. */
    private static final Map<String, String> READS = new LinkedHashMap<>();

    static {
        call("data.table", "data.table", "P", "in.csv");
        call("data.write_csv", "data.write_csv", "t, P", null);
        call("lab.log_to", "lab.log_to", "P, f", null);
        call("potential.sw", "potential.sw", "P", "Si.sw");
        call("potential.tersoff", "potential.tersoff", "P", "Si.tersoff");
        call("potential.eam", "potential.eam", "P, [\"Cu\"]", "Cu_u3.eam");
        call("potential.morse_embedding", "potential.morse_embedding", "P", "nasb.morse");
        call("potential.lammps", "potential.lammps", "\"sw\", \"* * \" + P + \" Si\"", "Si.sw");
        call("potential.espresso", "potential.espresso", "{Si: P}, 30 Ry, [1, 1, 1]", "Si.sw");
        call("structure.read", "structure.read", "P", "si.xyz");
        call("structure.write", "structure.write", "s, P", null);
        call("gcmc.run", "gcmc.run", "potential.lj(0.0104 eV, 3.4 Å, 8.5 Å), \"Ar\", t = 120 K, box = 20 Å, mu = [-0.12 eV], "
            + "equilibration = 10, samples = 2, every = 10, snapshots = P", null);
        call("analysis.trajectory", "analysis.trajectory", "P, 10 fs", "XDATCAR_walk");
        call("analysis.run_table", "analysis.run_table", "P", "in.csv");
        call("plot.chart", "plot.chart", "[plot.series([1, 2], [1, 2])], P", null);
        call("plot.current_charge", "plot.current_charge", "[1 h, 2 h], [1 A, 2 A], P", null);
        call("plot.arrhenius", "plot.arrhenius", "[[300 K, 400 K]], [[1 S/m, 2 S/m]], P", null);
        call("plot.neb", "plot.neb", "[0 meV, 21 meV, 2 meV], P", null);
        call("plot.hull", "plot.hull", "[{x: 0, energy: 0 eV}, {x: 0.5, energy: -0.1 eV}, {x: 1, energy: 0 eV}], P", null);
        call("plot.profile", "plot.profile", "data.table([{depth: 1 nm, c: 1}, {depth: 2 nm, c: 2}]), P, y = [\"c\"]", null);
        call("plot.isotherm", "plot.isotherm", "data.table([{mu: -0.1 eV, n: 1}, {mu: -0.05 eV, n: 2}]), P, x = \"mu\", y = \"n\"", null);
        call("electrochem.read_biologic", "electrochem.read_biologic", "P", "cell.mpt");
        call("electrochem.read_gamry", "electrochem.read_gamry", "P", "eis.DTA");
        call("Table.write_csv", "t.write_csv", "P", null);
        call("Structure.write", "s.write", "P", null);
    }

    private static void call(String key, String callee, String args, String reads) {
        CALLS.put(key, new String[]{callee, args});
        if (reads != null) {
            READS.put(key, reads);
        }
    }

    private static final String PRELUDE = """
        import data
        import lab
        import potential
        import structure
        import gcmc
        import analysis
        import plot
        import electrochem
        let t = data.table([{x: 1, y: 2 eV}, {x: 2, y: 3 eV}])
        let s = structure.diamond("Si", 5.43 Å)
        let f = lab.furnace("f")
        """;

    /** Parameters that hold a name but touch no file (a column name; a tolerance declared for a path). */
    private static final Set<String> NOT_FILES = Set.of("kmc.barriers.path", "core.tolerance.path");

    @BeforeEach
    void files() throws IOException {
        recipes = Files.createDirectories(tmp.resolve("recipes"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Map<String, Path> sources = Map.of(
            "Si.sw", ROOT.resolve("stdlib/src/test/resources/potential/Si.sw"),
            "Si.tersoff", ROOT.resolve("stdlib/src/test/resources/potential/Si.tersoff"),
            "Cu_u3.eam", ROOT.resolve("stdlib/src/test/resources/potential/Cu_u3.eam"),
            "nasb.morse", ROOT.resolve("examples/nasb/data/nasb.morse"),
            "XDATCAR_walk", ROOT.resolve("examples/analysis/data/XDATCAR_walk"),
            "cell.mpt", ROOT.resolve("examples/analysis/data/instruments/cell_PEIS_C02.mpt"),
            "eis.DTA", ROOT.resolve("examples/analysis/data/instruments/EISPOT_randles.DTA"));
        for (Path d : List.of(recipes, outside)) {
            for (Map.Entry<String, Path> e : sources.entrySet()) {
                Files.copy(e.getValue(), d.resolve(e.getKey()));
            }
            Files.writeString(d.resolve("in.csv"), "a,b [eV]\n1,0.5\n2,0.7\n");
            Files.writeString(d.resolve("si.xyz"), "2\nLattice=\"5.43 0 0 0 5.43 0 0 0 5.43\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n"
                + "Si 0 0 0\nSi 1.3575 1.3575 1.3575\n");
        }
    }

    /** Every function of the standard library with a parameter marked as a file, and the file members of values. */
    private static Set<String> fileFunctions(List<String> unmarked) {
        Set<String> out = new TreeSet<>();
        Map<String, Module> mods = new LinkedHashMap<>(org.adc.lib.Stdlib.modules());
        for (Module m : org.adc.builtins.CoreBuiltins.modules()) {
            mods.putIfAbsent("core", m);
        }
        mods.forEach((name, m) -> m.members().forEach((k, v) -> {
            if (v instanceof NativeFunction nf) {
                check(name + "." + k, nf, out, unmarked);
            }
        }));
        // members of values: a table and a structure
        Object table = org.adc.table.Table.fromRecords(List.of(new org.adc.lang.Record(Map.of("x", 1L))), List.of());
        Object structure = ((NativeFunction) mods.get("structure").members().get("diamond")).call("Si", org.adc.units.Quantity.of(5.43, "Å"));
        for (Map.Entry<String, Object> e : Map.of("Table", table, "Structure", structure).entrySet()) {
            HasMembers h = (HasMembers) e.getValue();
            for (String k : h.memberNames()) {
                if (h.member(k) instanceof NativeFunction nf) {
                    check(e.getKey() + "." + k, nf, out, unmarked);
                }
            }
        }
        return out;
    }

    private static void check(String key, NativeFunction nf, Set<String> out, List<String> unmarked) {
        if (nf.touchesFiles()) {
            out.add(key);
        }
        for (Param p : nf.params()) {
            if (p.access() == Param.Access.NONE && p.name().matches("path|file|filename|files|dir|folder|snapshots|output|input|log")
                && !NOT_FILES.contains(key + "." + p.name())) {
                unmarked.add(key + "(" + p.name() + ")");
            }
        }
    }

    @Test
    void everyFunctionThatTouchesFilesIsMarkedAndExercised() {
        List<String> unmarked = new ArrayList<>();
        Set<String> found = fileFunctions(unmarked);
        assertEquals(List.of(), unmarked, "parameters that look like files but carry no Param.reads()/writes() mark");
        assertEquals(found, new TreeSet<>(CALLS.keySet()), "every file function needs a call in SandboxRoutesTest.CALLS");
    }

    private static String ext(String key) {
        return key.startsWith("structure") || key.startsWith("Structure") || key.equals("gcmc.run") ? ".xyz" : key.startsWith("plot") ? "" : ".csv";
    }

    /** A recipe calling every file function on every route with the file {@code path.apply(key, route)}. */
    private static String recipe(java.util.function.BiFunction<String, String, String> path) {
        StringBuilder sb = new StringBuilder(PRELUDE);
        int i = 0;
        for (Map.Entry<String, String[]> e : CALLS.entrySet()) {
            String key = e.getKey();
            String callee = e.getValue()[0];
            String args = e.getValue()[1];
            i++;
            String direct = path.apply(key, "direct");
            sb.append("try { ").append(callee).append("(").append(args.replace("P", direct)).append(") } catch e { print(\"")
                .append(key).append(" direct: \", e.message) }\n");
            String user = path.apply(key, "user");
            sb.append("fn via").append(i).append("(g) { return g(").append(args.replace("P", user)).append(") }\n");
            sb.append("try { via").append(i).append("(").append(callee).append(") } catch e { print(\"").append(key)
                .append(" user: \", e.message) }\n");
            if (args.equals("P")) {
                String lib = path.apply(key, "map");
                sb.append("try { [").append(lib).append("].map(").append(callee).append(") } catch e { print(\"").append(key)
                    .append(" map: \", e.message) }\n");
            }
        }
        sb.append("[\"printed by a value\"].map(print)\n");
        return sb.toString();
    }

    private static int routes() {
        int n = 0;
        for (String[] c : CALLS.values()) {
            n += c[1].equals("P") ? 3 : 2;
        }
        return n;
    }

    @Test
    void everyRouteIsRefusedOutsideTheSandbox() throws IOException {
        String text = recipe((key, route) -> {
            String name = READS.containsKey(key) ? READS.get(key) : key.replace('.', '_') + "_" + route + ext(key);
            return "\"" + outside.resolve(name).toString().replace("\\", "\\\\") + "\"";
        });
        Path r = Cli.write(recipes, "escape.adc", text);
        Path rd = tmp.resolve("run");
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString());
        List<String> refused = new ArrayList<>();
        for (String line : c.out.split("\n")) {
            if (line.contains(" direct: ") || line.contains(" user: ") || line.contains(" map: ")) {
                assertTrue(line.contains("is not allowed") && line.contains(outside.toString()), "not refused by the sandbox: " + line);
                refused.add(line);
            }
        }
        assertEquals(routes(), refused.size(), c.toString());
        // nothing was written outside: only the files put there before
        try (var s = Files.list(outside)) {
            assertEquals(9, s.count(), "files appeared outside the sandbox");
        }
        // print as a value writes into the console copy, like print
        assertTrue(Files.readString(rd.resolve("stdout.txt")).contains("printed by a value"));
    }

    @Test
    void everyRouteInsideIsRecorded() throws IOException {
        Path rd = recipes.resolve("run");
        String text = recipe((key, route) -> {
            if (READS.containsKey(key)) {
                return "\"" + (key.equals("analysis.run_table") ? "w_" + route + ".csv" : READS.get(key)) + "\"";
            }
            return "\"o/" + key.replace('.', '_') + "_" + route + ext(key) + "\"";
        });
        // run_table reads a file this run wrote
        StringBuilder pre = new StringBuilder();
        for (String route : List.of("direct", "user", "map")) {
            pre.append("data.write_csv(t, \"w_").append(route).append(".csv\")\n");
        }
        text = text.replace("let f = lab.furnace(\"f\")\n", "let f = lab.furnace(\"f\")\n" + pre);
        Path r = Cli.write(recipes, "inside.adc", text);
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString());
        assertEquals(0, c.code, c.toString());
        assertFalse(c.out.contains(" direct: ") || c.out.contains(" user: ") || c.out.contains(" map: "), c.out);
        JsonNode rec = new ObjectMapper().readTree(rd.resolve("run.json").toFile());
        Set<String> outputs = new TreeSet<>();
        rec.path("outputs").forEach(o -> outputs.add(o.path("path").asText()));
        Set<String> inputs = new TreeSet<>();
        rec.path("inputs").forEach(o -> inputs.add(o.path("path").asText()));
        for (String key : CALLS.keySet()) {
            for (String route : CALLS.get(key)[1].equals("P") ? List.of("direct", "user", "map") : List.of("direct", "user")) {
                if (READS.containsKey(key)) {
                    if (!key.equals("analysis.run_table")) {
                        assertTrue(inputs.contains(READS.get(key)), key + " " + route + ": input not recorded in " + inputs);
                    }
                    continue;
                }
                String stem = "o/" + key.replace('.', '_') + "_" + route;
                assertTrue(outputs.stream().anyMatch(o -> o.startsWith(stem)), key + " " + route + ": output not recorded in " + outputs);
            }
        }
        assertEquals("ok", rec.path("status").asText());
    }
}
