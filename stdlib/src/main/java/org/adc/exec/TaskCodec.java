package org.adc.exec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.gcmc.BlockAverage;
import org.adc.gcmc.IsothermPoint;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Writes a task's result into its result file and reads it back, exactly: doubles travel as their 64 bits, so a result
 * computed on a cluster node equals the one computed locally bit for bit. A result that cannot be written is refused with
 * what a task may return.
 *
 * @param <R> result type
 */
public interface TaskCodec<R> {
    void write(R value, DataOutputStream out) throws IOException;

    R read(DataInputStream in) throws IOException;

    /** Results of {@code tasks.map}: numbers, booleans, strings, none, quantities, lists, maps and records of these. */
    TaskCodec<Object> VALUE = new TaskCodec<>() {
        @Override
        public void write(Object v, DataOutputStream out) throws IOException {
            if (v == None.INSTANCE || v == null) {
                out.writeByte('N');
            } else if (v instanceof Long l) {
                out.writeByte('L');
                out.writeLong(l);
            } else if (v instanceof Double d) {
                out.writeByte('D');
                out.writeLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean b) {
                out.writeByte('B');
                out.writeBoolean(b);
            } else if (v instanceof String s) {
                out.writeByte('S');
                out.writeUTF(s);
            } else if (v instanceof Quantity q) {
                out.writeByte('Q');
                out.writeLong(Double.doubleToRawLongBits(q.si()));
                out.writeUTF(q.unit().symbol());
                out.writeBoolean(q.isAbsoluteTemperature());
            } else if (v instanceof AdcList l) {
                out.writeByte('[');
                out.writeInt(l.size());
                for (Object o : l) {
                    write(o, out);
                }
            } else if (v instanceof AdcMap m) {
                out.writeByte('{');
                out.writeInt(m.size());
                for (Map.Entry<Object, Object> e : m.entries().entrySet()) {
                    write(e.getKey(), out);
                    write(e.getValue(), out);
                }
            } else if (v instanceof Record r) {
                out.writeByte('R');
                out.writeInt(r.fields().size());
                for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                    out.writeUTF(e.getKey());
                    write(e.getValue(), out);
                }
            } else {
                throw new AdcError("a task returned " + Values.describe(v) + ", which cannot travel back from another process",
                    "return numbers, quantities, strings, booleans, none, lists, maps or records of these (e.g. a table's rows as records)");
            }
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case 'N':
                    return None.INSTANCE;
                case 'L':
                    return in.readLong();
                case 'D':
                    return Double.longBitsToDouble(in.readLong());
                case 'B':
                    return in.readBoolean();
                case 'S':
                    return in.readUTF();
                case 'Q': {
                    double si = Double.longBitsToDouble(in.readLong());
                    String unit = in.readUTF();
                    boolean abs = in.readBoolean();
                    return Quantity.restore(si, Units.parse(unit), abs);
                }
                case '[': {
                    int n = in.readInt();
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(read(in));
                    }
                    return new AdcList(items);
                }
                case '{': {
                    int n = in.readInt();
                    AdcMap m = new AdcMap();
                    for (int i = 0; i < n; i++) {
                        Object k = read(in);
                        m.put(k, read(in));
                    }
                    return m;
                }
                case 'R': {
                    int n = in.readInt();
                    Map<String, Object> f = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String k = in.readUTF();
                        f.put(k, read(in));
                    }
                    return new Record(f);
                }
                default:
                    throw new IOException("not a task result (tag " + tag + ")");
            }
        }
    };

    /** One μ point of a lattice-gas sweep (no snapshot). */
    TaskCodec<IsothermPoint> ISOTHERM_POINT = new TaskCodec<>() {
        @Override
        public void write(IsothermPoint p, DataOutputStream out) throws IOException {
            if (p.snapshot() != null) {
                throw new IOException("an isotherm point with a snapshot cannot be written as a task result");
            }
            out.writeLong(Double.doubleToRawLongBits(p.mu()));
            block(p.loading(), out);
            block(p.energy(), out);
        }

        @Override
        public IsothermPoint read(DataInputStream in) throws IOException {
            double mu = Double.longBitsToDouble(in.readLong());
            return new IsothermPoint(mu, block(in), block(in), null);
        }

        private void block(BlockAverage b, DataOutputStream out) throws IOException {
            out.writeLong(Double.doubleToRawLongBits(b.mean()));
            out.writeLong(Double.doubleToRawLongBits(b.stderr()));
            out.writeInt(b.samples());
            out.writeLong(Double.doubleToRawLongBits(b.naiveStderr()));
        }

        private BlockAverage block(DataInputStream in) throws IOException {
            double mean = Double.longBitsToDouble(in.readLong());
            double se = Double.longBitsToDouble(in.readLong());
            int n = in.readInt();
            return new BlockAverage(mean, se, n, Double.longBitsToDouble(in.readLong()));
        }
    };
}
