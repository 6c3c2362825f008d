/**
 * Executors: where the independent tasks of a fan-out (the μ points of a GCMC sweep, the items of {@code tasks.map},
 * the images of a NEB with an external calculator) run. {@link org.adc.exec.TaskExecutor#LOCAL} runs them in this
 * process; the interpreter supplies a Slurm executor (job arrays, or {@code srun --exact} steps inside an allocation).
 * Task {@code i} always receives stream {@code i} of the fan-out's seed, so where a task runs never changes its numbers.
 * Design: docs/cluster.md.
 */
package org.adc.exec;
