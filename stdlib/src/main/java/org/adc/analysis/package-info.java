/**
 * Analysis of measured and simulated data for the seed workflows (issue 8): least-squares fits that return
 * standard errors (vacancy-model conductivity and BPP relaxation of seed 001; line, power-law, Arrhenius and
 * capacitive-split fits live next to their domain in {@link org.adc.fit}, {@link org.adc.kinetics} and
 * {@link org.adc.electrochem}), and trajectory analysis: mean-squared displacement, diffusivity and the
 * rotational autocorrelation C(t) = ⟨u(t)·u(0)⟩ from extended-XYZ and VASP XDATCAR trajectories.
 */
package org.adc.analysis;
