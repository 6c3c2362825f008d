/**
 * Seeded, splittable random streams ({@link org.adc.random.StreamRng}) and thread-count-independent
 * parallel execution of seeded tasks ({@link org.adc.random.ParallelTasks}).
 */
package org.adc.random;
