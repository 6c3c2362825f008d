package org.adc.lib;

import java.util.ArrayList;
import java.util.List;

import org.adc.exec.FanOut;
import org.adc.exec.TaskCodec;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.random.StreamRng;

/** Binds {@code tasks}: a parallel map over independent tasks, run here or on a Slurm cluster (org.adc.exec). */
public final class TasksLib {
    private TasksLib() {
    }

    /** The seed handed to task {@code i} of a map with master seed {@code seed}: the first draw of stream i, ≥ 0. */
    public static long taskSeed(long seed, long i) {
        return StreamRng.forStream(seed, i).nextLong() >>> 1;
    }

    /** The executor choice of argument {@code i}: "auto", "local" or "slurm". */
    static String choice(Args a, int i) {
        String c = a.string(i);
        if (!c.equals("auto") && !c.equals("local") && !c.equals("slurm")) {
            throw a.bad(i, "\"auto\", \"local\" or \"slurm\"");
        }
        return c;
    }

    private static Object map(Args a) {
        Callable f = a.function(0);
        List<Object> xs = new ArrayList<>();
        if (a.get(1) instanceof Iterable<?> it) {
            for (Object x : it) {
                xs.add(x);
                if (xs.size() > 1_000_000) {
                    throw a.bad(1, "at most 1,000,000 items");
                }
            }
        } else {
            throw a.bad(1, "list or range");
        }
        boolean seeded = a.has(2);
        long seed = seeded ? a.integer(2) : 0;
        String choice = choice(a, 3);
        FanOut<Object> fan = new FanOut<>("tasks.map", xs.size(), seed, 1, TaskCodec.VALUE,
            (i, rng) -> seeded ? f.call(xs.get(i), taskSeed(seed, i)) : f.call(xs.get(i)), choice);
        return new AdcList(a.env().executor(choice).map(fan));
    }

    private static Object seedOf(Args a) {
        long i = a.integer(1);
        if (i < 0) {
            throw a.bad(1, "a task index ≥ 0");
        }
        return taskSeed(a.integer(0), i);
    }

    public static Module module() {
        Module m = new Module("tasks", "independent tasks run here or on a Slurm cluster, with the same numbers either way");
        m.add(new NativeFunction("map", "list", new Doc(
            "Apply a function to every item, each call an independent task that may run on a cluster",
            "tasks.map(f, items, seed = none, executor = \"auto\")",
            "import tasks\nfn point(t) { return diffusivity_vacancy(z = 8, a0 = 3.4 Å, dg = 0.3 eV, t = t) }\n"
                + "let d = tasks.map(point, [300 K, 400 K, 500 K])\n"
                + "fn replica(t, s) { return kmc.run(lat, t = t, steps = 1000, seed = s).d }\n"
                + "let ds = tasks.map(replica, [600 K, 700 K], seed = 42)",
            "Calls f(item) for each item and returns the results in item order. With seed, f is called as f(item, s) with "
                + "s = tasks.seed(seed, i), a seed that depends only on the master seed and the item's index i, never on "
                + "where or when the task runs: the results are the same locally and on a cluster. executor = \"auto\" "
                + "runs where the command line says (adc run --executor slurm: one job array, or srun --exact steps inside "
                + "an allocation; default: here, one task after another); \"local\" always here; \"slurm\" needs "
                + "--executor slurm or an allocation. On Slurm every task re-runs the recipe up to this call in its own "
                + "work directory (run_dir/tasks/K/i), so the code before the call must be deterministic and cheap; "
                + "results come back through the task's result file. Each task and its job id, node, times, exit status, "
                + "restarts and result hash are listed in run.json.",
            "items: any list; results: numbers, quantities, strings, booleans, none, lists, maps or records",
            "a failing task stops the map with its index, exit status and log (run_dir/tasks/K/i/task.log); adc run --resume "
                + "RUN_DIR reruns only the tasks that did not finish; executor = \"slurm\" without --executor slurm is refused; "
                + "a result that cannot be written (a structure, a function) is refused with what a task may return.",
            "org.adc.exec (docs/cluster.md); streams from org.adc.random.StreamRng (xoshiro256**, SplitMix64 seeding)",
            "tasks.seed, gcmc.lattice_gas, neb"),
            TasksLib::map,
            Param.required("f", "function", "the task: f(item) or, with seed, f(item, seed)"),
            Param.required("items", "any", "one task per item: a list, a range or a table (its rows)"),
            Param.optional("seed", "int", None.INSTANCE, "master seed; task i gets tasks.seed(seed, i)"),
            Param.optional("executor", "string", "auto", "\"auto\" (the command line's), \"local\" or \"slurm\"")));
        m.add(new NativeFunction("seed", "int", new Doc(
            "The seed task i of a seeded tasks.map receives",
            "tasks.seed(seed, i)",
            "tasks.seed(42, 0)",
            "The first 63 bits of stream i of the master seed (StreamRng.forStream(seed, i)): a pure function of (seed, i).",
            "plain integers",
            "i < 0: \"bad argument #2\"",
            "org.adc.random.StreamRng",
            "tasks.map"),
            TasksLib::seedOf,
            Param.required("seed", "int", "master seed"),
            Param.required("i", "int", "task index (0, 1, ...)")));
        return m;
    }
}
