package org.adc.exec;

import java.util.List;

import org.adc.random.ParallelTasks;

/**
 * Runs the independent tasks of a {@link FanOut} and returns their results in task order. Whatever the executor, task
 * {@code i} receives {@code StreamRng.forStream(seed, i)}, so a fan-out run locally and on a cluster gives the same
 * results, bit for bit.
 */
public interface TaskExecutor {
    /**
     * Runs every task of {@code f}.
     *
     * @return results, index {@code i} = task {@code i}
     * @throws org.adc.lang.AdcError when a task fails (naming the task, its exit status and its log)
     */
    <R> List<R> map(FanOut<R> f);

    /**
     * How many external-program calls may run at the same time (NEB images with an external calculator): the local
     * processors here, the allocation's task slots under Slurm.
     */
    default int concurrentSlots() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Command-line prefix that launches an external program of {@code ranks} MPI ranks with {@code threads} threads each
     * (an {@code srun --exact} step inside an allocation); empty: start the program directly.
     */
    default List<String> launchPrefix(int ranks, int threads) {
        return List.of();
    }

    /** This process, on local threads ({@link ParallelTasks#map}). */
    TaskExecutor LOCAL = new TaskExecutor() {
        @Override
        public <R> List<R> map(FanOut<R> f) {
            return ParallelTasks.map(f.n(), f.threads(), f.seed(), f.task());
        }
    };
}
