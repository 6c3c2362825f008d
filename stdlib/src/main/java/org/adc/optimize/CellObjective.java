package org.adc.optimize;

import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;

/**
 * Positions and cell relaxed together at external pressure p (the "unit cell filter" of ASE, ase.constraints.
 * UnitCellFilter; E. B. Tadmor, G. S. Smith, N. Bernstein and E. Kaxiras, Phys. Rev. B 59, 235 (1999)):
 * the cell is H = H0 D and the positions r = s D (row vectors) with a deformation D = I + ε. Variables:
 * s (3N, Å) and c·ε (9, c = N). Minimised: enthalpy H = E + pV. Generalised forces:
 * on s: F_s = F D^T; on ε: (D^{−T} W − p V D^{−T}) / c, with W the virial (eV). At convergence the
 * stress equals −p.
 */
public final class CellObjective implements Objective {
    private final Atoms atoms;
    private final Calculator calc;
    private final double[] h0;
    private final double pressure;
    private final double factor;
    private final int n;

    /**
     * @param atoms    atoms (moved, cell changed by evaluations)
     * @param calc     calculator
     * @param pressure external pressure, eV/Å³ (1 GPa = 1/160.21766208 eV/Å³)
     */
    public CellObjective(Atoms atoms, Calculator calc, double pressure) {
        this.atoms = atoms;
        this.calc = calc;
        this.h0 = atoms.cell().clone();
        this.pressure = pressure;
        this.n = atoms.size();
        this.factor = n;
    }

    /** Initial variables: current positions as s (D = I) and ε = 0. */
    public double[] start() {
        double[] x = new double[3 * n + 9];
        System.arraycopy(atoms.positions(), 0, x, 0, 3 * n);
        return x;
    }

    @Override
    public int dimension() {
        return 3 * n + 9;
    }

    private double[] deformation(double[] x) {
        double[] d = new double[9];
        for (int k = 0; k < 9; k++) {
            d[k] = (k % 4 == 0 ? 1 : 0) + x[3 * n + k] / factor;
        }
        return d;
    }

    /** Writes positions and cell for variables x into the atoms. */
    public void apply(double[] x) {
        double[] d = deformation(x);
        double[] r = atoms.positions();
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 3; b++) {
                r[3 * i + b] = x[3 * i] * d[b] + x[3 * i + 1] * d[3 + b] + x[3 * i + 2] * d[6 + b];
            }
        }
        double[] h = atoms.cell();
        for (int row = 0; row < 3; row++) {
            for (int b = 0; b < 3; b++) {
                h[3 * row + b] = h0[3 * row] * d[b] + h0[3 * row + 1] * d[3 + b] + h0[3 * row + 2] * d[6 + b];
            }
        }
    }

    @Override
    public double evaluate(double[] x, double[] forces) {
        apply(x);
        double[] d = deformation(x);
        Evaluation ev = calc.compute(atoms);
        double[] f = ev.forces();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                forces[3 * i + a] = d[3 * a] * f[3 * i] + d[3 * a + 1] * f[3 * i + 1] + d[3 * a + 2] * f[3 * i + 2];
            }
        }
        double[] dinv = invert(d);
        double vol = atoms.volume();
        double[] w = ev.virial();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double g = 0;
                for (int c = 0; c < 3; c++) {
                    g += dinv[3 * c + a] * w[3 * c + b];
                }
                g -= pressure * vol * dinv[3 * b + a];
                forces[3 * n + 3 * a + b] = g / factor;
            }
        }
        return ev.energy() + pressure * vol;
    }

    static double[] invert(double[] h) {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], k = h[8];
        double det = a * (e * k - f * hh) - b * (d * k - f * g) + c * (d * hh - e * g);
        double id = 1.0 / det;
        return new double[] {(e * k - f * hh) * id, (c * hh - b * k) * id, (b * f - c * e) * id,
            (f * g - d * k) * id, (a * k - c * g) * id, (c * d - a * f) * id,
            (d * hh - e * g) * id, (b * g - a * hh) * id, (a * e - b * d) * id};
    }

    /**
     * Relaxes positions and cell in place at pressure p (eV/Å³); fixed atoms keep their scaled positions s.
     *
     * @throws org.adc.potential.SimulationException for too-close atoms or non-finite forces
     */
    public static OptimizationResult relax(Atoms atoms, Calculator calc, Optimizer opt, double pressure) {
        org.adc.potential.StructureCheck.checkDistances(atoms, calc);
        CellObjective obj = new CellObjective(atoms, calc, pressure);
        OptimizationResult r = opt.minimize(obj, obj.start());
        obj.apply(r.x());
        return r;
    }
}
