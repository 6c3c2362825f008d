package org.adc.lib;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.Module;

/** The list of library modules in load order. Add a module here to make it importable. */
final class LibraryList {
    private LibraryList() {
    }

    /** Modules whose members are global names (no import needed). */
    static final String[] GLOBAL_MODULES = {"math", "constants", "chem", "data", "kinetics", "coulometry", "lab"};

    static List<Module> all() {
        List<Module> l = new ArrayList<>();
        l.add(MathLib.module());
        l.add(ConstantsLib.module());
        l.add(ChemLib.module());
        l.add(DataLib.module());
        l.add(KineticsLib.module());
        l.add(CoulometryLib.module());
        l.add(ElectrochemLib.module());
        l.add(LabLib.module());
        l.add(PotentialLib.module());
        l.add(StructureLib.module());
        l.add(KmcLib.module());
        l.add(GcmcLib.module());
        l.add(AnalysisLib.module());
        l.add(PlotLib.module());
        l.add(TasksLib.module());
        return l;
    }
}
