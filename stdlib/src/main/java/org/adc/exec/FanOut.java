package org.adc.exec;

import org.adc.random.ParallelTasks;

/**
 * One fan-out: {@code n} independent tasks of one library call.
 *
 * @param label   what the tasks are, for messages, the run record and the consistency check of a task worker
 *                ("gcmc.lattice_gas", "tasks.map")
 * @param n       number of tasks (&ge; 0)
 * @param seed    master seed: task {@code i} receives {@code StreamRng.forStream(seed, i)}
 * @param threads local worker threads (the local executor only; results never depend on it)
 * @param codec   how a task's result is written to and read from its result file (remote executors)
 * @param task    the task body
 * @param choice  the executor the call asked for: "auto" (the command line's), "local" or "slurm"
 * @param <R>     result type
 */
public record FanOut<R>(String label, int n, long seed, int threads, TaskCodec<R> codec, ParallelTasks.SeededTask<R> task,
                        String choice) {
    public FanOut {
        if (n < 0 || threads < 1) {
            throw new IllegalArgumentException("n >= 0 and threads >= 1 required: n=" + n + " threads=" + threads);
        }
    }
}
