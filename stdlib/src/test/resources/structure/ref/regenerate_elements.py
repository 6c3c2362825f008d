#!/usr/bin/python3
"""Regenerate stdlib/src/main/resources/org/adc/structure/elements.tsv from ASE's IUPAC 2016 table."""
import os
from ase.data import chemical_symbols, atomic_masses_iupac2016
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../main/resources/org/adc/structure/elements.tsv")
with open(out, "w") as f:
    f.write("# Z<TAB>symbol<TAB>standard atomic weight (u)\n")
    f.write("# Source: IUPAC 2016 standard atomic weights (conventional/abridged values), as tabulated in ASE ase.data.atomic_masses_iupac2016;\n")
    f.write("# elements without a standard weight carry the mass number of the longest-lived isotope. Regenerate: stdlib/src/test/resources/structure/ref/regenerate_elements.py\n")
    for z in range(1, 119):
        f.write("%d\t%s\t%.10g\n" % (z, chemical_symbols[z], atomic_masses_iupac2016[z]))
