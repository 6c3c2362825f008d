package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.AdcMap;
import org.adc.lang.Record;
import org.adc.nodes.AdcNode;

/**
 * {@code {name: v, ...}} with bare names makes a record (fields read as r.name);
 * {@code {"key": v, ...}} with string or number keys makes a map.
 */
@NodeInfo(shortName = "{}")
public final class MapLiteralNode extends AdcNode {
    @Children private final AdcNode[] keys;
    @Children private final AdcNode[] values;
    private final String[] fieldNames;

    /** A record literal. */
    public MapLiteralNode(String[] fieldNames, AdcNode[] values) {
        this.fieldNames = fieldNames;
        this.keys = null;
        this.values = values;
    }

    /** A map literal. */
    public MapLiteralNode(AdcNode[] keys, AdcNode[] values) {
        this.fieldNames = null;
        this.keys = keys;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] k = new Object[values.length];
        Object[] v = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            if (keys != null) {
                k[i] = keys[i].executeGeneric(frame);
            }
            v[i] = values[i].executeGeneric(frame);
        }
        return build(k, v);
    }

    @TruffleBoundary
    private Object build(Object[] k, Object[] v) {
        if (fieldNames != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < v.length; i++) {
                m.put(fieldNames[i], v[i]);
            }
            return new Record(m);
        }
        AdcMap m = new AdcMap();
        for (int i = 0; i < v.length; i++) {
            m.put(k[i], v[i]);
        }
        return m;
    }
}
