package org.adc.optimize;

/**
 * Outcome of a minimisation. Not converging is an explicit state the caller must handle.
 *
 * @param converged true when the largest per-atom force norm fell below fmax
 * @param steps     number of steps (coordinate updates; ≤ the step limit); forces were evaluated steps + 1 times
 * @param energy    energy at the final coordinates (eV)
 * @param maxForce  largest per-atom force norm at the final coordinates (eV/Å)
 * @param x         final coordinates (Å)
 */
public record OptimizationResult(boolean converged, int steps, double energy, double maxForce, double[] x) {
}
