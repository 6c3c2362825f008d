package org.adc.chem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The periodic table H..Og with standard atomic weights.
 *
 * <p>Source: IUPAC Commission on Isotopic Abundances and Atomic Weights, "Standard atomic weights of the
 * elements 2021" (T. Prohaska et al., Pure Appl. Chem. 94, 573-600 (2022)), abridged values to five
 * significant figures; for the elements whose standard weight is an interval (H, Li, B, C, N, O, Mg, Si,
 * S, Cl, Ar, Br, Tl) the IUPAC conventional value, and Pb 207.2. Elements without a standard atomic
 * weight (Tc, Pm, Po and beyond Bi except Th, Pa, U) carry the mass number of their longest-lived
 * (or best-known) isotope, as the IUPAC periodic table prints in brackets, and are flagged
 * {@link Element#noStandardWeight()}.
 *
 * <p>This is adc's only element table: structures, file readers and writers (LAMMPS data masses,
 * element from a mass or a CIF label), GCMC (thermal wavelength), densities and formulas all take
 * their masses from here.</p>
 */
public final class Elements {
    private Elements() {
    }

    private static final List<Element> BY_Z = new ArrayList<>();
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

    private static void e(int z, String symbol, String name, double weight, boolean noStandard) {
        Element el = new Element(symbol, z, name, weight, noStandard);
        BY_Z.add(el);
        BY_SYMBOL.put(symbol, el);
    }

    static {
        e(1, "H", "hydrogen", 1.008, false);
        e(2, "He", "helium", 4.0026, false);
        e(3, "Li", "lithium", 6.94, false);
        e(4, "Be", "beryllium", 9.0122, false);
        e(5, "B", "boron", 10.81, false);
        e(6, "C", "carbon", 12.011, false);
        e(7, "N", "nitrogen", 14.007, false);
        e(8, "O", "oxygen", 15.999, false);
        e(9, "F", "fluorine", 18.998, false);
        e(10, "Ne", "neon", 20.180, false);
        e(11, "Na", "sodium", 22.990, false);
        e(12, "Mg", "magnesium", 24.305, false);
        e(13, "Al", "aluminium", 26.982, false);
        e(14, "Si", "silicon", 28.085, false);
        e(15, "P", "phosphorus", 30.974, false);
        e(16, "S", "sulfur", 32.06, false);
        e(17, "Cl", "chlorine", 35.45, false);
        e(18, "Ar", "argon", 39.95, false);
        e(19, "K", "potassium", 39.098, false);
        e(20, "Ca", "calcium", 40.078, false);
        e(21, "Sc", "scandium", 44.956, false);
        e(22, "Ti", "titanium", 47.867, false);
        e(23, "V", "vanadium", 50.942, false);
        e(24, "Cr", "chromium", 51.996, false);
        e(25, "Mn", "manganese", 54.938, false);
        e(26, "Fe", "iron", 55.845, false);
        e(27, "Co", "cobalt", 58.933, false);
        e(28, "Ni", "nickel", 58.693, false);
        e(29, "Cu", "copper", 63.546, false);
        e(30, "Zn", "zinc", 65.38, false);
        e(31, "Ga", "gallium", 69.723, false);
        e(32, "Ge", "germanium", 72.630, false);
        e(33, "As", "arsenic", 74.922, false);
        e(34, "Se", "selenium", 78.971, false);
        e(35, "Br", "bromine", 79.904, false);
        e(36, "Kr", "krypton", 83.798, false);
        e(37, "Rb", "rubidium", 85.468, false);
        e(38, "Sr", "strontium", 87.62, false);
        e(39, "Y", "yttrium", 88.906, false);
        e(40, "Zr", "zirconium", 91.224, false);
        e(41, "Nb", "niobium", 92.906, false);
        e(42, "Mo", "molybdenum", 95.95, false);
        e(43, "Tc", "technetium", 97, true);
        e(44, "Ru", "ruthenium", 101.07, false);
        e(45, "Rh", "rhodium", 102.91, false);
        e(46, "Pd", "palladium", 106.42, false);
        e(47, "Ag", "silver", 107.87, false);
        e(48, "Cd", "cadmium", 112.41, false);
        e(49, "In", "indium", 114.82, false);
        e(50, "Sn", "tin", 118.71, false);
        e(51, "Sb", "antimony", 121.76, false);
        e(52, "Te", "tellurium", 127.60, false);
        e(53, "I", "iodine", 126.90, false);
        e(54, "Xe", "xenon", 131.29, false);
        e(55, "Cs", "caesium", 132.91, false);
        e(56, "Ba", "barium", 137.33, false);
        e(57, "La", "lanthanum", 138.91, false);
        e(58, "Ce", "cerium", 140.12, false);
        e(59, "Pr", "praseodymium", 140.91, false);
        e(60, "Nd", "neodymium", 144.24, false);
        e(61, "Pm", "promethium", 145, true);
        e(62, "Sm", "samarium", 150.36, false);
        e(63, "Eu", "europium", 151.96, false);
        e(64, "Gd", "gadolinium", 157.25, false);
        e(65, "Tb", "terbium", 158.93, false);
        e(66, "Dy", "dysprosium", 162.50, false);
        e(67, "Ho", "holmium", 164.93, false);
        e(68, "Er", "erbium", 167.26, false);
        e(69, "Tm", "thulium", 168.93, false);
        e(70, "Yb", "ytterbium", 173.05, false);
        e(71, "Lu", "lutetium", 174.97, false);
        e(72, "Hf", "hafnium", 178.49, false);
        e(73, "Ta", "tantalum", 180.95, false);
        e(74, "W", "tungsten", 183.84, false);
        e(75, "Re", "rhenium", 186.21, false);
        e(76, "Os", "osmium", 190.23, false);
        e(77, "Ir", "iridium", 192.22, false);
        e(78, "Pt", "platinum", 195.08, false);
        e(79, "Au", "gold", 196.97, false);
        e(80, "Hg", "mercury", 200.59, false);
        e(81, "Tl", "thallium", 204.38, false);
        e(82, "Pb", "lead", 207.2, false);
        e(83, "Bi", "bismuth", 208.98, false);
        e(84, "Po", "polonium", 209, true);
        e(85, "At", "astatine", 210, true);
        e(86, "Rn", "radon", 222, true);
        e(87, "Fr", "francium", 223, true);
        e(88, "Ra", "radium", 226, true);
        e(89, "Ac", "actinium", 227, true);
        e(90, "Th", "thorium", 232.04, false);
        e(91, "Pa", "protactinium", 231.04, false);
        e(92, "U", "uranium", 238.03, false);
        e(93, "Np", "neptunium", 237, true);
        e(94, "Pu", "plutonium", 244, true);
        e(95, "Am", "americium", 243, true);
        e(96, "Cm", "curium", 247, true);
        e(97, "Bk", "berkelium", 247, true);
        e(98, "Cf", "californium", 251, true);
        e(99, "Es", "einsteinium", 252, true);
        e(100, "Fm", "fermium", 257, true);
        e(101, "Md", "mendelevium", 258, true);
        e(102, "No", "nobelium", 259, true);
        e(103, "Lr", "lawrencium", 266, true);
        e(104, "Rf", "rutherfordium", 267, true);
        e(105, "Db", "dubnium", 268, true);
        e(106, "Sg", "seaborgium", 269, true);
        e(107, "Bh", "bohrium", 270, true);
        e(108, "Hs", "hassium", 269, true);
        e(109, "Mt", "meitnerium", 278, true);
        e(110, "Ds", "darmstadtium", 281, true);
        e(111, "Rg", "roentgenium", 282, true);
        e(112, "Cn", "copernicium", 285, true);
        e(113, "Nh", "nihonium", 286, true);
        e(114, "Fl", "flerovium", 289, true);
        e(115, "Mc", "moscovium", 290, true);
        e(116, "Lv", "livermorium", 293, true);
        e(117, "Ts", "tennessine", 294, true);
        e(118, "Og", "oganesson", 294, true);
    }

    /** The element with this symbol (case-sensitive: "Na", not "NA"), or null. */
    public static Element bySymbol(String symbol) {
        return BY_SYMBOL.get(symbol);
    }

    /** The element with atomic number z (1..118), or null. */
    public static Element byZ(int z) {
        return z >= 1 && z <= BY_Z.size() ? BY_Z.get(z - 1) : null;
    }

    /** The element with this English name ("sodium"; "aluminum", "cesium" and "sulphur" accepted too), or null. */
    public static Element byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "aluminum": n = "aluminium"; break;
            case "cesium": n = "caesium"; break;
            case "sulphur": n = "sulfur"; break;
            default: break;
        }
        for (Element el : BY_Z) {
            if (el.name().equals(n)) {
                return el;
            }
        }
        return null;
    }

    /** All elements in order of atomic number. */
    public static List<Element> all() {
        return Collections.unmodifiableList(BY_Z);
    }

    /** The symbol that differs from {@code s} only in letter case ("NA" → "Na"), or null. */
    public static String suggest(String s) {
        for (Element el : BY_Z) {
            if (el.symbol().equalsIgnoreCase(s)) {
                return el.symbol();
            }
        }
        return null;
    }

    // ---- the structure-side view: symbols, numbers, masses (StructureException for unknown symbols) ----

    /** @param symbol element symbol (case-sensitive, e.g. "Na") @return true if known */
    public static boolean isElement(String symbol) { return BY_SYMBOL.containsKey(symbol); }

    /**
     * @param symbol element symbol @return atomic number
     * @throws org.adc.structure.StructureException for unknown symbols
     */
    public static int atomicNumber(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) throw new org.adc.structure.StructureException("unknown element symbol '" + symbol + "'");
        return e.z();
    }

    /**
     * @param z atomic number 1..118 @return symbol
     * @throws org.adc.structure.StructureException outside 1..118
     */
    public static String symbol(int z) {
        if (z < 1 || z > 118) throw new org.adc.structure.StructureException("atomic number " + z + " out of range 1..118");
        return BY_Z.get(z - 1).symbol();
    }

    /**
     * @param symbol element symbol @return standard atomic weight in u (g/mol), IUPAC 2021 (see the class comment)
     * @throws org.adc.structure.StructureException for unknown symbols
     */
    public static double mass(String symbol) { return BY_Z.get(atomicNumber(symbol) - 1).weight(); }

    /**
     * @param mass atomic mass in u @param tol accepted deviation in u
     * @return the element whose standard weight is nearest to mass, or null if none within tol
     */
    public static String fromMass(double mass, double tol) {
        String best = null;
        double bd = tol;
        for (Element e : BY_Z) if (Math.abs(e.weight() - mass) < bd) { bd = Math.abs(e.weight() - mass); best = e.symbol(); }
        return best;
    }

    /**
     * Extracts an element symbol from a label such as "Si1", "Na+", "O2-", "SI": the leading
     * one or two letters, capitalised as an element symbol.
     * @param label label text @return element symbol or null if none matches
     */
    public static String fromLabel(String label) {
        String l = label.trim();
        if (l.isEmpty() || !Character.isLetter(l.charAt(0))) return null;
        if (l.length() >= 2 && Character.isLetter(l.charAt(1))) {
            String two = Character.toUpperCase(l.charAt(0)) + l.substring(1, 2).toLowerCase(Locale.ROOT);
            if (BY_SYMBOL.containsKey(two)) return two;
        }
        String one = String.valueOf(Character.toUpperCase(l.charAt(0)));
        return BY_SYMBOL.containsKey(one) ? one : null;
    }
}
