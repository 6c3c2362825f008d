package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.NativeFunction;
import org.adc.lang.Param;

/**
 * The random streams a run used, for the run record: every call of a library function that takes
 * a {@code seed} argument is noted with its place in the recipe, the seed, the thread and replica
 * counts it asked for, and how that function splits its seed into streams. Library code needs no
 * change: the call node hands every library call here and only functions with a {@code seed}
 * parameter are kept. {@code adc verify} compares these entries call by call.
 */
public final class RandomStreams {
    /** One seeded call. */
    public record Use(String function, String site, long seed, Long threads, Long replicas, String streams) {
    }

    /** How each seeded library function turns its seed into streams (generator: org.adc.random.StreamRng). */
    private static final Map<String, String> SPLITS = Map.of(
        "kmc.run", "replica i uses stream i of seed: StreamRng.forStream(seed, i) (xoshiro256** seeded through SplitMix64); "
            + "results do not depend on threads",
        "kmc.clathrate", "one stream, StreamRng(seed), places the random 8a vacancies",
        "gcmc.lattice_gas", "mu point k uses stream k of seed: StreamRng.forStream(seed, k); results do not depend on threads",
        "gcmc.lj", "chain r of mu point k uses stream k*replicas + r of seed; results do not depend on threads",
        "ordered", "structure method s.ordered(seed): java.util.Random(seed) picks the partially occupied sites that are kept");

    private static final int MAX = 10_000;
    private final List<Use> uses = new ArrayList<>();
    private int dropped;
    private final Map<String, Long> threadCounts = new LinkedHashMap<>();

    /**
     * Worker threads forced on every library call that takes {@code threads} (0: as the recipe says).
     * Set only by {@code adc verify --threads N}, which runs one recipe at a time in its process.
     */
    private static volatile int threadsOverride;

    public static void overrideThreads(int n) {
        threadsOverride = n;
    }

    /**
     * Notes a library call if the function takes a seed (cheap for every other function); under
     * {@code adc verify --threads N} also replaces its thread count in {@code arranged}.
     */
    @TruffleBoundary
    public void note(NativeFunction nf, Object[] arranged, Node site) {
        List<Param> ps = nf.params();
        int seed = -1;
        int threads = -1;
        int replicas = -1;
        for (int i = 0; i < ps.size(); i++) {
            switch (ps.get(i).name()) {
                case "seed" -> seed = i;
                case "threads" -> threads = i;
                case "replicas" -> replicas = i;
                default -> {
                }
            }
        }
        if (threadsOverride > 0 && threads >= 0 && threads < arranged.length && arranged[threads] instanceof Long) {
            arranged[threads] = (long) threadsOverride;
        }
        Long t = longAt(arranged, threads);
        if (t != null) {
            threadCounts.put(qualified(nf) + " (" + where(site) + ")", t);
        }
        if (seed < 0 || seed >= arranged.length || !(arranged[seed] instanceof Long s)) {
            return;
        }
        if (uses.size() >= MAX) {
            dropped++;
            return;
        }
        String name = qualified(nf);
        String split = SPLITS.getOrDefault(name, "one generator seeded with seed (see help(" + name + "))");
        uses.add(new Use(name, where(site), s, longAt(arranged, threads), longAt(arranged, replicas), split));
    }

    private static java.util.Map<NativeFunction, String> names;

    /** "kmc.run" for the function run of module kmc; the plain name for other functions. */
    private static synchronized String qualified(NativeFunction nf) {
        if (names == null) {
            names = new java.util.IdentityHashMap<>();
            org.adc.lib.Stdlib.modules().forEach((m, mod) -> mod.members().forEach((k, v) -> {
                if (v instanceof NativeFunction f) {
                    names.putIfAbsent(f, m + "." + k);
                }
            }));
        }
        return names.getOrDefault(nf, nf.name());
    }

    private static Long longAt(Object[] a, int i) {
        return i >= 0 && i < a.length && a[i] instanceof Long l ? l : null;
    }

    /** "line:column" of the call in the recipe (the file is the record's recipe). */
    private static String where(Node site) {
        SourceSection s = site == null ? null : site.getEncapsulatingSourceSection();
        return s == null ? "?" : s.getSource().getName() + ":" + s.getStartLine() + ":" + s.getStartColumn();
    }

    public List<Use> uses() {
        return uses;
    }

    /** Calls beyond the first 10,000 that were not kept. */
    public int dropped() {
        return dropped;
    }

    /** Worker threads asked of library functions: "function (file:line:col)" → threads (last call at that place). */
    public Map<String, Long> threadCounts() {
        return threadCounts;
    }
}
