package org.adc.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * {@code adc run --help-params FILE}: lists the parameters a recipe declares with {@code param}
 * (name, unit, default, allowed range, description) without running anything.
 */
final class ParamHelp {
    private ParamHelp() {
    }

    static int print(String file, String shownAs, PrintStream out, PrintStream err) {
        Source source = Main.readScript("adc run", file, err, shownAs);
        if (source == null) {
            return Launch.USAGE_ERROR;
        }
        Path dir = Path.of(file).toAbsolutePath().getParent();
        try (Context ctx = Launch.context(new Launch.Options(dir, null, Map.of(), List.of(), List.of()), InputStream.nullInputStream(), out, err)) {
            ctx.parse(source);
        } catch (PolyglotException e) {
            return Launch.report(e, err);
        }
        List<RecipeScan.Param> params = RecipeScan.of(source.getCharacters().toString()).params;
        file = source.getName();
        if (params.isEmpty()) {
            out.println(file + " declares no parameters (declare one with: param NAME = DEFAULT [in LO .. HI], \"description\")");
            return Launch.OK;
        }
        out.println("parameters of " + file + " (change with --set NAME=VALUE, e.g. --set "
            + params.get(0).name() + "=" + params.get(0).defaultText().replace(" ", "") + ")");
        out.println();
        String[] head = {"name", "unit", "default", "allowed range", "description"};
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
            w[i] = head[i].length();
        }
        for (RecipeScan.Param p : params) {
            w[0] = Math.max(w[0], p.name().length());
            w[1] = Math.max(w[1], unit(p).length());
            w[2] = Math.max(w[2], p.defaultText().length());
            w[3] = Math.max(w[3], range(p).length());
        }
        out.println(row(w, head[0], head[1], head[2], head[3], head[4]));
        for (RecipeScan.Param p : params) {
            out.println(row(w, p.name(), unit(p), p.defaultText(), range(p), p.doc()));
        }
        return Launch.OK;
    }

    private static String unit(RecipeScan.Param p) {
        return p.unit().isEmpty() ? "-" : p.unit();
    }

    private static String range(RecipeScan.Param p) {
        return p.rangeText().isEmpty() ? "any" : p.rangeText();
    }

    private static String row(int[] w, String... cells) {
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            sb.append(i < w.length ? String.format("%-" + w[i] + "s  ", cells[i]) : cells[i]);
        }
        return sb.toString().stripTrailing();
    }
}
