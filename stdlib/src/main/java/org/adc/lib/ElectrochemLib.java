package org.adc.lib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.chem.Formula;
import org.adc.electrochem.Electrochem;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Library {@code electrochem}: anode voltages and energy densities from total energies (seed 003), theoretical
 * capacities and C-rates, and the capacitive/diffusive split of CV currents (seed 004). {@code import electrochem}.
 */
public final class ElectrochemLib {
    private ElectrochemLib() {
    }

    private static final String SEED003 = "seed 003: F. Legrain, O. I. Malyi, S. Manzhos, \"Comparative computational study of the "
        + "energetics of Li, Na, and Mg storage in amorphous and crystalline silicon\"";
    private static final String SEED004 = "seed 004: M. Li et al., \"Understanding the fast kinetics and mechanism of sodium storage in "
        + "antimony using ab initio grand canonical Monte Carlo simulation and operando X-ray scattering\", J. Mater. Chem. A";

    private static Object averageVoltage(Args a) {
        double v = Electrochem.averageVoltage(a.si(0, Dimension.ENERGY), a.si(1, Dimension.ENERGY), a.si(2, Dimension.ENERGY),
            a.number(3), a.number(4));
        return Quantity.ofSi(v, Units.parse("V"));
    }

    private static Object voltageShift(Args a) {
        return Quantity.ofSi(Electrochem.voltageShift(a.si(0, Dimension.ENERGY), a.number(1), a.number(2)), Units.parse("V"));
    }

    private static Object formationEnergy(Args a) {
        double ef = a.si(0, Dimension.ENERGY) - a.si(1, Dimension.ENERGY) - a.si(2, Dimension.ENERGY);
        return Quantity.ofSi(ef, Units.parse("eV"));
    }

    private static Object energyDensity(Args a) {
        double vAvg = a.si(0, Dimension.VOLTAGE);
        Object v = a.get(1);
        boolean molar;
        double vol;
        if (v instanceof Quantity q && q.dimension().equals(Dimension.VOLUME)) {
            molar = false;
            vol = q.si();
        } else if (v instanceof Quantity q && q.dimension().equals(Dimension.VOLUME.divide(Dimension.AMOUNT))) {
            molar = true;
            vol = q.si();
        } else {
            throw a.bad(1, "volume per charge (Å^3) or molar volume per charge (cm^3/mol)");
        }
        return Quantity.ofSi(Electrochem.energyDensity(vAvg, vol, molar, a.number(2)), Units.parse("Wh/L"));
    }

    private static Object specificCapacity(Args a) {
        Formula f = ChemLib.formulaArg(a, 0);
        double cPerKg = Electrochem.specificCapacity(a.number(1), f.molarMass() * 1e-3);
        return Quantity.ofSi(cPerKg, Units.parse("mAh/g"));
    }

    private static Object cRateCurrent(Args a) {
        double cap = a.si(0, Dimension.CHARGE);
        double rate = a.number(1);
        if (!(rate > 0)) {
            throw new AdcError("C-rate must be positive, got " + Values.repr(a.get(1)), "C/8 is rate = 1/8, 5C is rate = 5");
        }
        return Quantity.ofSi(cap * rate / 3600.0, Units.parse("mA"));
    }

    /** {values in the display unit of the first element, that unit} of a list of quantities of one dimension. */
    private static Object[] series(Args a, int i, Dimension want, String what) {
        List<Object> l = a.list(i).items();
        if (l.size() < 2) {
            throw new AdcError(a.functionName() + " needs at least two " + what + ", got " + l.size(), "measure at two or more scan rates");
        }
        double[] v = new double[l.size()];
        Unit unit = null;
        for (int k = 0; k < v.length; k++) {
            Object x = l.get(k);
            if (!(x instanceof Quantity q) || !q.dimension().equals(want)) {
                throw new AdcError(a.functionName() + ": element #" + (k + 1) + " of " + what + " is " + Values.describe(x)
                    + ", expected " + want.name(), "give " + what + " with units");
            }
            if (unit == null) {
                unit = q.unit();
            }
            v[k] = q.valueIn(unit);
        }
        return new Object[] {v, unit};
    }

    private static Object capacitiveSplit(Args a) {
        Object[] nus = series(a, 0, Dimension.VOLTAGE.divide(Dimension.TIME), "scan rates");
        Object[] is = series(a, 1, Dimension.CURRENT, "currents");
        double[] nu = (double[]) nus[0];
        double[] cur = (double[]) is[0];
        if (nu.length != cur.length) {
            throw new AdcError(a.functionName() + ": " + nu.length + " scan rates but " + cur.length + " currents", "give one current per scan rate");
        }
        double[] k = Electrochem.splitCurrent(nu, cur);
        Unit nuUnit = (Unit) nus[1];
        Unit iUnit = (Unit) is[1];
        AdcList fractions = new AdcList();
        for (double v : nu) {
            double cap = k[0] * v;
            double dif = k[1] * Math.sqrt(v);
            fractions.add(cap / (cap + dif));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("k1", Quantity.of(k[0], iUnit.divide(nuUnit)));
        r.put("k2", Quantity.of(k[1], iUnit));
        r.put("k1_error", Quantity.of(k[3], iUnit.divide(nuUnit)));
        r.put("k2_error", Quantity.of(k[4], iUnit));
        r.put("capacitive", fractions);
        r.put("r2", k[2]);
        return new Record(r);
    }

    /**
     * Dunn's split over a whole voltammogram: k1, k2 at every potential, then the capacitive share of each CV as
     * ∫|k1 ν| dV / ∫|i| dV (trapezoid rule over the potential grid).
     */
    /** Whether a grid segment of potential step dv belongs to the branch ("all", "anodic": dv > 0, "cathodic": dv < 0). */
    private static boolean segment(String branch, double dv) {
        return switch (branch) {
            case "anodic" -> dv > 0;
            case "cathodic" -> dv < 0;
            default -> true;
        };
    }

    private static Object capacitiveShare(Args a) {
        Object[] nus = series(a, 0, Dimension.VOLTAGE.divide(Dimension.TIME), "scan rates");
        double[] nu = (double[]) nus[0];
        Unit nuUnit = (Unit) nus[1];
        List<Object> vs = a.list(1).items();
        double[] v = new double[vs.size()];
        Unit vUnit = null;
        for (int k = 0; k < v.length; k++) {
            if (!(vs.get(k) instanceof Quantity q) || !q.dimension().equals(Dimension.VOLTAGE)) {
                throw new AdcError("capacitive_share: potential #" + (k + 1) + " is " + Values.describe(vs.get(k)) + ", expected a voltage",
                    "give the potentials of the CV grid with units, e.g. 0.5 V");
            }
            vUnit = vUnit == null ? q.unit() : vUnit;
            v[k] = q.valueIn(vUnit);
        }
        List<Object> curves = a.list(2).items();
        if (curves.size() != nu.length) {
            throw new AdcError("capacitive_share: " + nu.length + " scan rates but " + curves.size() + " current curves",
                "give one list of currents (one per potential) for each scan rate");
        }
        double[][] cur = new double[nu.length][];
        Unit iUnit = null;
        for (int s = 0; s < nu.length; s++) {
            if (!(curves.get(s) instanceof AdcList l) || l.size() != v.length) {
                throw new AdcError("capacitive_share: curve #" + (s + 1) + " is not a list of " + v.length + " currents",
                    "each curve holds one current per potential of the grid");
            }
            cur[s] = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                if (!(l.items().get(k) instanceof Quantity q) || !q.dimension().equals(Dimension.CURRENT)) {
                    throw new AdcError("capacitive_share: curve #" + (s + 1) + ", point #" + (k + 1) + " is "
                        + Values.describe(l.items().get(k)) + ", expected a current", "give currents with units, e.g. 0.2 mA");
                }
                iUnit = iUnit == null ? q.unit() : iUnit;
                cur[s][k] = q.valueIn(iUnit);
            }
        }
        double[] k1 = new double[v.length];
        double[] k2 = new double[v.length];
        List<Object> fits = new java.util.ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            double[] col = new double[nu.length];
            for (int s = 0; s < nu.length; s++) {
                col[s] = cur[s][k];
            }
            double[] f = Electrochem.splitCurrent(nu, col);
            k1[k] = f[0];
            k2[k] = f[1];
            fits.add(AnalysisLib.rec("potential", Quantity.of(v[k], vUnit), "k1", Quantity.of(f[0], iUnit.divide(nuUnit)),
                "k2", Quantity.of(f[1], iUnit), "r2", f[2]));
        }
        String branch = a.string(3);
        if (!branch.equals("all") && !branch.equals("anodic") && !branch.equals("cathodic")) {
            throw new AdcError("capacitive_share: branch must be \"all\", \"anodic\" or \"cathodic\", got " + Values.repr(branch),
                "\"all\" integrates every segment of the grid (a full cycle when the grid goes up and back)");
        }
        int used = 0;
        for (int k = 1; k < v.length; k++) {
            used += segment(branch, v[k] - v[k - 1]) ? 1 : 0;
        }
        if (used == 0) {
            throw new AdcError("capacitive_share: the potential grid has no " + branch + " segment",
                "an anodic segment goes up in potential, a cathodic one down; give the grid of the branch you ask for");
        }
        List<Object> shares = new java.util.ArrayList<>();
        for (int s = 0; s < nu.length; s++) {
            double cap = 0;
            double tot = 0;
            for (int k = 1; k < v.length; k++) {
                if (!segment(branch, v[k] - v[k - 1])) {
                    continue;
                }
                double dv = Math.abs(v[k] - v[k - 1]);
                cap += 0.5 * dv * (Math.abs(k1[k] * nu[s]) + Math.abs(k1[k - 1] * nu[s]));
                tot += 0.5 * dv * (Math.abs(cur[s][k]) + Math.abs(cur[s][k - 1]));
            }
            shares.add(AnalysisLib.rec("scan_rate", Quantity.of(nu[s], nuUnit), "capacitive", tot > 0 ? cap / tot : Double.NaN));
        }
        return AnalysisLib.rec("shares", org.adc.table.Table.fromRecords(shares, List.of()),
            "fits", org.adc.table.Table.fromRecords(fits, List.of()));
    }

    public static Module module() {
        Module m = new Module("electrochem", "anode voltages, energy densities, capacities, C-rates, CV current split");
        m.add(new NativeFunction("average_voltage", "voltage", new Doc(
            "Average voltage of an alloying anode vs the metal: V = −(E(M_x host) − E(host) − x E(M)) / (z x e)",
            "electrochem.average_voltage(e_alloy, e_host, e_metal, x, z = 1)",
            "import electrochem\n# per Si atom: Li15Si4 is Li3.75Si\nelectrochem.average_voltage(e_alloy = -12.1 eV, e_host = -5.42 eV, e_metal = -1.9 eV, x = 3.75)",
            "Energies from total-energy calculations: e_alloy per host formula unit of M_x host, e_host per host formula unit, "
                + "e_metal per atom of the bulk metal; x metal atoms per host formula unit; z valence electrons per metal atom.",
            "energies in eV (or kJ/mol, converted); result in V",
            "x ≤ 0 or z ≤ 0 fail; energies of another dimension fail with \"bad argument ...\".",
            SEED003 + ", eq. 2",
            "voltage_shift, formation_energy, energy_density"),
            ElectrochemLib::averageVoltage,
            Param.required("e_alloy", "energy", "energy of M_x host per host formula unit"),
            Param.required("e_host", "energy", "energy of the host per formula unit"),
            Param.required("e_metal", "energy", "energy per atom of the bulk metal"),
            Param.required("x", "number", "metal atoms per host formula unit"),
            Param.optional("z", "number", 1L, "valence electrons per metal atom (1 Li, Na; 2 Mg)")));
        m.add(new NativeFunction("voltage_shift", "voltage", new Doc(
            "Voltage shift from a change of host cohesive energy: ΔV = ΔE_coh / (z x e)",
            "electrochem.voltage_shift(de_coh, x, z = 1)",
            "import electrochem\nelectrochem.voltage_shift(0.13 eV, x = 1)              # 0.13 V (Na, NaSi)\nelectrochem.voltage_shift(0.13 eV, x = 3.75)           # 0.0346667 V (Li)\n"
                + "electrochem.voltage_shift(0.13 eV, x = 2, z = 2)       # 0.0325 V (Mg)",
            "A host that is less stable by ΔE_coh per atom (a-Si vs c-Si: 0.13 eV) raises the average anode voltage by "
                + "ΔE_coh spread over the z x electrons stored per host atom.",
            "de_coh energy per host atom (eV); result in V",
            "x ≤ 0 or z ≤ 0 fail.",
            SEED003 + ", eq. 3 and Table 1 (0.13, 0.04, 0.03 V)",
            "average_voltage"),
            ElectrochemLib::voltageShift,
            Param.required("de_coh", "energy", "cohesive energy difference per host atom"),
            Param.required("x", "number", "metal atoms per host atom at full charge"),
            Param.optional("z", "number", 1L, "valence electrons per metal atom")));
        m.add(new NativeFunction("formation_energy", "energy", new Doc(
            "Defect (insertion) formation energy: E_f = E(host+M) − E(host) − μ_M",
            "electrochem.formation_energy(e_defect, e_host, mu)",
            "import electrochem\nelectrochem.formation_energy(e_defect = -350.2 eV, e_host = -347.9 eV, mu = -1.9 eV)   # -0.4 eV",
            "Energy to insert one atom M into the host from a reservoir at chemical potential mu: the isolated atom "
                + "(vacuum reference) or the bulk metal energy per atom (bulk reference). Negative means favourable.",
            "energies in eV (molar values converted); result in eV",
            "arguments that are not energies fail with \"bad argument ...\".",
            SEED003 + ", eq. 5",
            "average_voltage"),
            ElectrochemLib::formationEnergy,
            Param.required("e_defect", "energy", "energy of the host cell with the inserted atom"),
            Param.required("e_host", "energy", "energy of the host cell"),
            Param.required("mu", "energy", "chemical potential of M (atom in vacuum, or bulk metal per atom)")));
        m.add(new NativeFunction("energy_density", "any", new Doc(
            "Volumetric energy density of an alloying anode: U = F V_avg / v · ξ / (1 + ξ)",
            "electrochem.energy_density(v_avg, v, xi)",
            "import electrochem\nelectrochem.energy_density(v_avg = 3.75 V - 0.4 V, v = 15 Å^3, xi = 2.8)\nelectrochem.energy_density(3.35 V, 9.0 cm^3/mol, 2.8) to Wh/L",
            "v_avg is the full-cell voltage (cathode minus anode), v the volume the metal takes per valence charge and xi the "
                + "fractional volume expansion (V − V0)/V0. With v per charge (Å^3) the elementary charge is used, with v per "
                + "mole of charge (cm^3/mol) the Faraday constant (26.802 Ah/mol).",
            "v_avg voltage; v volume (Å^3) or molar volume (cm^3/mol); xi dimensionless; result in Wh/L",
            "v must be a volume or a molar volume; v ≤ 0 or xi < 0 fail.",
            SEED003 + ", eq. 4 and Supporting Information B",
            "average_voltage, specific_capacity"),
            ElectrochemLib::energyDensity,
            Param.required("v_avg", "voltage", "average full-cell voltage"),
            Param.required("v", "volume|[cm^3/mol]", "volume per valence charge (Å^3) or per mole of charge (cm^3/mol)"),
            Param.required("xi", "number", "fractional volume expansion (V - V0) / V0")));
        m.add(new NativeFunction("specific_capacity", "specific_capacity", new Doc(
            "Theoretical gravimetric capacity of an electrode material: Q = n F / M",
            "electrochem.specific_capacity(formula, n)",
            "import electrochem\nelectrochem.specific_capacity(\"Sb\", 3)        # 660.352 mAh/g (Sb → Na3Sb)\nelectrochem.specific_capacity(\"Si\", 3.75)     # 3578.62 mAh/g (Li15Si4)",
            "n electrons (ions of charge 1) stored per formula unit of the host material, F = 96485.33212 C/mol, M its molar mass.",
            "result in mAh/g",
            "n ≤ 0 fails; a malformed formula names the column.",
            "Faraday's law; F from CODATA 2018, M from IUPAC 2021; " + SEED004 + " (Sb anode)",
            "c_rate_current, faraday_charge"),
            ElectrochemLib::specificCapacity,
            Param.required("formula", "string", "host material, e.g. \"Sb\""),
            Param.required("n", "number", "electrons per formula unit at full charge")));
        m.add(new NativeFunction("c_rate_current", "current", new Doc(
            "Current for a C-rate: I = capacity × rate / 1 h",
            "electrochem.c_rate_current(capacity, rate)",
            "import electrochem\nlet cap = electrochem.specific_capacity(\"Sb\", 3) * 2.1 mg\nelectrochem.c_rate_current(cap, 1/8)     # C/8\nelectrochem.c_rate_current(cap, 5)       # 5C",
            "At rate r the full capacity is passed in 1/r hours: C/8 takes 8 h, 5C 12 min.",
            "capacity a charge (mAh, C); rate dimensionless; result in mA",
            "rate ≤ 0 fails; a capacity that is not a charge fails with \"bad argument ...\".",
            "C-rate convention; cycling at C/8 ... 5C in " + SEED004,
            "specific_capacity"),
            ElectrochemLib::cRateCurrent,
            Param.required("capacity", "charge", "cell capacity, e.g. 1.39 mAh"),
            Param.required("rate", "number", "C-rate: 1/8 for C/8, 5 for 5C")));
        m.add(new NativeFunction("capacitive_split", "record", new Doc(
            "Splits CV currents at one potential into capacitive (k1 ν) and diffusion-controlled (k2 ν^½) parts",
            "electrochem.capacitive_split(scan_rates, currents)",
            "import electrochem\nlet s = electrochem.capacitive_split([0.1 mV/s, 0.2 mV/s, 0.5 mV/s, 1 mV/s], [0.05 mA, 0.08 mA, 0.15 mA, 0.25 mA])\n"
                + "print(s.k1, s.k2, s.capacitive)     # capacitive share at each scan rate",
            "Least-squares fit of i/ν^½ = k1 ν^½ + k2 (Dunn's method) to the currents measured at one potential at several "
                + "scan rates. Returns {k1, k2, k1_error, k2_error, capacitive, r2} (standard errors of the line fit, NaN with two scan rates): k1 in current per scan rate, k2 the diffusion term as a current "
                + "at ν = 1 (in the unit of the first scan rate), capacitive the list of k1 ν / (k1 ν + k2 ν^½) for each scan "
                + "rate. Repeat over potentials and integrate to get shares of the whole voltammogram.",
            "scan rates in mV/s (any voltage/time); currents in any current unit",
            "fewer than two points, lists of different length, non-positive scan rates, or values without units.",
            SEED004 + ": i(V, ν) = k1 ν + k2 ν^½, capacitive share 39.2 % at 0.1 mV/s rising to 81.8 % at 5 mV/s; "
                + "method of J. Wang, J. Polleux, J. Lim, B. Dunn, J. Phys. Chem. C 111, 14925 (2007)",
            "power_fit, linear_fit"),
            ElectrochemLib::capacitiveSplit,
            Param.required("scan_rates", "list", "scan rates, e.g. [0.1 mV/s, ...]"),
            Param.required("currents", "list", "currents at one potential, one per scan rate")));
        m.add(new NativeFunction("capacitive_share", "record", new Doc(
            "Capacitive share of whole voltammograms from Dunn's split at every potential",
            "electrochem.capacitive_share(scan_rates, potentials, currents, branch = \"all\")",
            "import electrochem\nlet v = [0.1 V, 0.3 V, 0.5 V]\n"
                + "let s = electrochem.capacitive_share([0.1 mV/s, 1 mV/s], v, [[0.02 mA, 0.05 mA, 0.03 mA], [0.12 mA, 0.30 mA, 0.2 mA]])\n"
                + "print_table(s.shares)      # scan_rate, capacitive (fraction of the CV area)",
            "For every potential of a common grid, fits i = k1 ν + k2 ν^½ over the scan rates (as capacitive_split). The capacitive "
                + "share of the CV at scan rate ν is ∫|k1 ν| dV / ∫|i(V, ν)| dV, trapezoid rule over the grid. The grid may be a full "
                + "cycle (up and back down, the anodic and cathodic currents at the same potentials are separate points): branch = "
                + "\"all\" integrates every segment (the whole CV, as the paper's shaded area), \"anodic\" only rising and "
                + "\"cathodic\" only falling segments. Returns {shares: table (scan_rate, capacitive), fits: table (potential, "
                + "k1, k2, r2)}.",
            "scan rates in mV/s (any voltage/time); potentials voltages; currents any current unit; capacitive a fraction",
            "currents not one list per scan rate of one value per potential; values without units; fewer than two scan rates.",
            SEED004 + ", eqs. 3-4: capacitive share 39.2 % at 0.1 mV/s, 48.5, 56.1, 67.8, 74, 81.8 % at 0.2-5 mV/s; "
                + "J. Wang, J. Polleux, J. Lim, B. Dunn, J. Phys. Chem. C 111, 14925 (2007)",
            "capacitive_split, power_fit"),
            ElectrochemLib::capacitiveShare,
            Param.required("scan_rates", "list", "scan rates, one per curve"),
            Param.required("potentials", "list", "potential grid shared by all curves"),
            Param.required("currents", "list", "one list of currents per scan rate, one current per potential"),
            Param.optional("branch", "string", "all", "\"all\" (every segment), \"anodic\" or \"cathodic\"")));
        ImpedanceLib.addTo(m);
        return m;
    }
}
