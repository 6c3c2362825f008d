package org.adc.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class StdlibTest {
    @Test
    void allGlobalModulesAreRegistered() {
        for (String name : LibraryList.GLOBAL_MODULES) {
            assertTrue(Stdlib.modules().containsKey(name), name);
        }
    }

    @Test
    void globalNamesDoNotShadowEachOther() {
        Map<String, String> owner = new HashMap<>();
        for (String name : LibraryList.GLOBAL_MODULES) {
            Module m = Stdlib.modules().get(name);
            for (String member : m.memberNames()) {
                String before = owner.put(member, name);
                assertEquals(null, before, member + " is defined by both " + before + " and " + name);
            }
        }
        Map<String, Object> g = Stdlib.globals();
        assertInstanceOf(NativeFunction.class, g.get("arrhenius"));
        assertInstanceOf(NativeFunction.class, g.get("faraday_charge"));
        assertInstanceOf(NativeFunction.class, g.get("table"));
        assertInstanceOf(Quantity.class, g.get("kB"));
        assertEquals(Math.PI, g.get("pi"));
    }

    @Test
    void parameterTypesAreKnownKinds() {
        for (Module m : Stdlib.modules().values()) {
            for (Object o : m.members().values()) {
                if (o instanceof NativeFunction f) {
                    for (Param p : f.params()) {
                        String t = p.type();
                        boolean ok = p.typeIsKnown();
                        assertTrue(ok, f.name() + "(" + p.name() + ": " + t + ")");
                        assertTrue(p.doc() != null && !p.doc().isBlank(), f.name() + "." + p.name());
                    }
                    assertTrue(f.signature().startsWith(f.name() + "("));
                }
            }
        }
    }

    @Test
    void defaultsMatchTheIssue() {
        NativeFunction arr = (NativeFunction) Stdlib.globals().get("arrhenius");
        assertEquals("arrhenius(nu0 = 1e13 Hz, ea, t)", arr.signature());
        NativeFunction fc = (NativeFunction) Stdlib.globals().get("faraday_charge");
        assertEquals("faraday_charge(formula, mass, ion = \"Na\", z = 1, fraction = 1)", fc.signature());
    }
}
