package org.adc.runtime;

import java.util.List;
import java.util.Map;

import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Values;

/**
 * How the REPL echoes a value: as {@link Values#repr}, but a long list or map shows its first and
 * last elements with the count (as numpy does), and any echo longer than {@link #MAX_CHARS} is cut
 * with the number of characters left out. {@code print(x)} still prints everything.
 */
public final class ReplDisplay {
    /** Lists and maps longer than this show HEAD ... TAIL elements. */
    static final int MAX_ELEMENTS = 60;
    static final int HEAD = 20;
    static final int TAIL = 5;
    /** The longest echo, in characters. */
    static final int MAX_CHARS = 4000;

    private ReplDisplay() {
    }

    public static String of(Object v) {
        String text;
        String note = null;
        if (v instanceof AdcList l && l.size() > MAX_ELEMENTS) {
            List<Object> items = l.items();
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < HEAD; i++) {
                sb.append(Values.repr(items.get(i))).append(", ");
            }
            sb.append("...");
            for (int i = items.size() - TAIL; i < items.size(); i++) {
                sb.append(", ").append(Values.repr(items.get(i)));
            }
            text = sb.append(']').toString();
            note = l.size() + " elements; print(x) shows all, x[i] one";
        } else if (v instanceof AdcMap m && m.size() > MAX_ELEMENTS) {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<Object, Object> e : m.entries().entrySet()) {
                if (i++ == HEAD) {
                    break;
                }
                sb.append(Values.repr(e.getKey())).append(": ").append(Values.repr(e.getValue())).append(", ");
            }
            text = sb.append("...}").toString();
            note = m.size() + " entries; print(x) shows all";
        } else {
            text = Values.repr(v);
        }
        if (text.length() > MAX_CHARS) {
            int cut = text.offsetByCodePoints(0, text.codePointCount(0, MAX_CHARS));
            String n = text.length() - cut + " more characters; print(x) shows all";
            text = text.substring(0, cut) + "...";
            note = note == null ? n : note + "; " + n;
        }
        return note == null ? text : text + "\n(" + note + ")";
    }
}
