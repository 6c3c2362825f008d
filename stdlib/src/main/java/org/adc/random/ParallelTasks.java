package org.adc.random;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs {@code n} independent seeded tasks on a fixed number of threads. Task {@code i} always
 * receives {@link StreamRng#forStream(long, long) StreamRng.forStream(seed, i)} and results come
 * back in task order, so the output is bit-for-bit the same for 1 thread or many (used for kMC
 * replicas and GCMC μ sweeps).
 */
public final class ParallelTasks {
    private ParallelTasks() {
    }

    /**
     * A seeded task.
     *
     * @param <R> result type
     */
    @FunctionalInterface
    public interface SeededTask<R> {
        /**
         * @param index task index in [0, n)
         * @param rng   the task's own random stream
         * @return the task result
         */
        R run(int index, StreamRng rng);
    }

    /**
     * Run {@code n} tasks.
     *
     * @param n       number of tasks
     * @param threads worker threads (&ge; 1); 1 runs everything on the calling thread
     * @param seed    master seed
     * @param task    the task
     * @param <R>     result type
     * @return results, index {@code i} = task {@code i}
     */
    public static <R> List<R> map(int n, int threads, long seed, SeededTask<R> task) {
        if (n < 0 || threads < 1) {
            throw new IllegalArgumentException("n >= 0 and threads >= 1 required: n=" + n + " threads=" + threads);
        }
        List<R> out = new ArrayList<>(n);
        if (threads == 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                out.add(task.run(i, StreamRng.forStream(seed, i)));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<R>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final int idx = i;
                futures.add(pool.submit(() -> task.run(idx, StreamRng.forStream(seed, idx))));
            }
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
