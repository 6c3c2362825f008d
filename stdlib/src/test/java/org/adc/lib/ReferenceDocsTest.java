package org.adc.lib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.Module;
import org.junit.jupiter.api.Test;

class ReferenceDocsTest {
    @Test
    void everyMemberHasAPageInTheReference() {
        String all = ReferenceDocs.all();
        for (Module m : Stdlib.modules().values()) {
            assertTrue(all.contains("# " + m.name() + "\n"), m.name());
            for (String n : m.memberNames()) {
                assertTrue(all.contains("## " + n + "\n"), m.name() + "." + n);
            }
        }
        assertTrue(all.contains("| nu0 | frequency | `1e13 Hz` | attempt frequency, typically 1e12-1e13 Hz |"), all);
        assertTrue(all.contains("(no page)") == false);
    }
}
