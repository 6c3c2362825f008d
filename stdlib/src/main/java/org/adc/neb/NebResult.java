package org.adc.neb;

import java.util.List;

import org.adc.potential.Atoms;

/**
 * The outcome of a nudged-elastic-band run. A band that did not converge is returned with
 * {@code converged = false}; the barrier is then only an estimate and callers must check the flag.
 *
 * @param converged          max per-atom NEB force below fmax
 * @param steps              optimiser steps (force evaluations of the band)
 * @param maxForce           final max per-atom NEB force, eV/Å
 * @param energies           energy of each image, eV (absolute, as the calculator gives it)
 * @param reactionCoordinate cumulative path length at each image, Å (Euclidean in 3N dimensions)
 * @param images             the final images (end points included)
 * @param climbingImage      index of the climbing image, or −1
 * @param barrier            forward barrier from the cubic spline through energies and tangential forces, eV
 * @param barrierImages      highest image energy minus the initial energy, eV
 * @param reverseBarrier     spline maximum minus the final energy, eV
 * @param saddle             the highest image (the climbing image when climbing)
 * @param splineS            reaction coordinate of the spline samples, Å
 * @param splineE            spline energies relative to the initial image, eV
 */
public record NebResult(boolean converged, int steps, double maxForce, double[] energies, double[] reactionCoordinate,
                        List<Atoms> images, int climbingImage, double barrier, double barrierImages, double reverseBarrier,
                        Atoms saddle, double[] splineS, double[] splineE) {
}
