package org.adc.lib;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.adc.lang.Args;
import org.adc.lang.Env;
import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.units.Quantity;

/** Test helper: calls library functions the way the interpreter does (positional and named arguments). */
final class Call {
    private Call() {
    }

    record Named(String name, Object value) {
    }

    static Named n(String name, Object value) {
        return new Named(name, value);
    }

    static Quantity q(double v, String unit) {
        return Quantity.of(v, unit);
    }

    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    static Env env(Path base) {
        OUT.reset();
        return Env.local(base, new PrintStream(OUT, true, StandardCharsets.UTF_8));
    }

    static String out() {
        return OUT.toString(StandardCharsets.UTF_8);
    }

    static Object call(Module m, String fn, Object... args) {
        return call(env(Path.of(".")), (NativeFunction) m.member(fn), args);
    }

    static Object callIn(Env env, Module m, String fn, Object... args) {
        return call(env, (NativeFunction) m.member(fn), args);
    }

    static Object method(Env env, HasMembers receiver, String name, Object... args) {
        return call(env, (NativeFunction) receiver.member(name), args);
    }

    static Object call(Env env, NativeFunction f, Object... args) {
        List<Object> pos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Named nm) {
                names.add(nm.name());
                vals.add(nm.value());
            } else {
                pos.add(a);
            }
        }
        Object[] arranged = Args.arrange(f.name(), f.params(), pos.toArray(), names.toArray(new String[0]), vals.toArray());
        return f.invoke(env, arranged);
    }
}
