package org.adc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.adc.launcher.Launch;

/**
 * Feeds generated and mutated programs to the parser and checker ({@code Context.parse}, nothing
 * runs). Every program must either parse or fail with a syntax error that has a location; an
 * internal error, any other exception, or a hang fails the test. Seeds are the golden test
 * scripts, the examples and the README's code; mutations delete, duplicate, swap and insert
 * tokens and random text (unicode, braces, quotes, "${", numbers with units).
 *
 * <p>-Dadc.fuzz.count=N (default 100000) and -Dadc.fuzz.seed=S (default fixed) control the run;
 * failing inputs are written to target/fuzz-failures for replay. The file readers (structures, CSV,
 * lab files, --set values, bundles) are fuzzed with the same seed by {@link ReaderFuzzTest}.
 */
class FuzzTest {
    static final int COUNT = Integer.getInteger("adc.fuzz.count", 100_000);
    static final long SEED = Long.getLong("adc.fuzz.seed", 20261125L);
    static final Pattern LOCATED = Pattern.compile("(?m)^[^\\n]*:\\d+:\\d+: error: .+$");
    static final Pattern TOKEN = Pattern.compile(
        "\\s+|#[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|\\d[\\d_]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|[\\p{L}_°][\\p{L}\\p{N}_²³⁻]*|\\.\\.<|\\.\\.|=>|[=!<>+\\-*/]=|\\*\\*|//|\\$\\{|.",
        Pattern.DOTALL);

    static final String[] FRAGMENTS = {
        "{", "}", "(", ")", "[", "]", "\"", "\"${", "${", "}\"", "$", "\\", "\n", "\n\n", ";", ",", ".", "..", "..<", ":", "=>", "=",
        "==", "+", "-", "*", "/", "//", "%", "**", "^", "·", "?", "@", "`", "'", "~", "|", "&", "!", "#", "\t", "\r", "\r\n", "\u0000",
        "\uFEFF", "\u200B", "é", "µ", "Å", "Ω", "°C", "°", "m²", "s⁻¹", "²", "⁻", "🙂", "\uD83D", "\uDC00", "中文", "ℏ", "∞", "−", "×",
        "450 degC", "5 degC/min", "1.5 uA", "1.5 µA", "14.77 Å", "0.903 eV", "6 kJ/mol", "0.41 S/cm", "1e-3 Torr", "1.70 mg", "8 d",
        "1 GPa", "50 V", "1e999 eV", "1e-999 K", "9223372036854775808", "99999999999999999999999 m", "0x1F", "1_000", "1__0", "1.", ".5",
        "1e", "1e+", "2 m^3", "2 m^99999999999999999999", "3 m^-2", "to meV", "to K", " step 50 K", "300 K .. 700 K step 50 K",
        "let ", "var ", "fn ", "return ", "if ", "else ", "for ", " in ", "while ", "break", "continue", "try ", "catch ", "finally ",
        "raise ", "import ", " as ", "recipe ", "parallel ", "hold ", " until ", "limit ", "param ", "assert ", " with ", "and ", "or ",
        "not ", "true", "false", "none", "import math", "import java", "x", "print", "print(", "arrhenius", "table", "kB", "f(", "fn(x) => x",
        "fn f() {", "recipe r(a) {", "{a: 1}", "{\"a\": 1}", "{1: 2}", "[1, 2", "x.y.z", "a[0][1]", "-", "--", "not not", "..<..", "°F",
    };

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void parserAndCheckerNeverFailInternally() throws IOException {
        List<String> seeds = seeds();
        assertTrue(seeds.size() >= 10, "seed programs found: " + seeds.size());
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int syntaxErrors = 0;
        long slowest = 0;
        String slowestInput = "";
        long start = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            ctx.initialize("adc");
            for (int i = 0; i < COUNT && failures.size() < 20; i++) {
                String program = program(rnd, seeds);
                boolean interactive = rnd.nextInt(8) == 0;
                long t0 = System.nanoTime();
                String problem = check(ctx, program, interactive);
                long dt = System.nanoTime() - t0;
                if (dt > slowest) {
                    slowest = dt;
                    slowestInput = program;
                }
                if (problem == null) {
                    parsed++;
                } else if (problem.isEmpty()) {
                    syntaxErrors++;
                } else {
                    failures.add("#" + i + (interactive ? " (interactive)" : "") + ": " + problem + "\n--- input ---\n" + program + "\n-------------");
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("fuzz: %d programs (%d parsed, %d syntax errors) in %d ms (%d ms CPU), seed %d; slowest %.1f ms (%d chars)%n",
            parsed + syntaxErrors + failures.size(), parsed, syntaxErrors, ms, cpuMs, SEED, slowest / 1e6, slowestInput.length());
        if (!failures.isEmpty()) {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            for (int i = 0; i < failures.size(); i++) {
                Files.writeString(dir.resolve("failure-" + i + ".txt"), failures.get(i));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " programs broke the front end (see target/fuzz-failures):\n"
            + String.join("\n\n", failures.subList(0, Math.min(5, failures.size()))));
        assertTrue(parsed > COUNT / 100 && syntaxErrors > COUNT / 10, "the fuzzer should hit both outcomes: " + parsed + " ok, " + syntaxErrors + " errors");
    }

    /** null when the program parsed, "" for a located syntax error, otherwise what went wrong. */
    static String check(Context ctx, String program, boolean interactive) {
        try {
            ctx.parse(Source.newBuilder("adc", program, "fuzz.adc").interactive(interactive).cached(false).buildLiteral());
            return null;
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException()) {
                return "internal error: " + e + "\n" + stack(e);
            }
            if (!e.isSyntaxError()) {
                return "not a syntax error: " + e.getMessage();
            }
            String msg = e.getMessage();
            if (msg == null || !LOCATED.matcher(msg).find()) {
                return "syntax error without a location: " + msg;
            }
            return "";
        } catch (RuntimeException | StackOverflowError e) {
            return "exception: " + e + "\n" + stack(e);
        }
    }

    static String stack(Throwable e) {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] st = e instanceof PolyglotException pe && pe.isHostException() ? pe.asHostException().getStackTrace() : e.getStackTrace();
        for (int i = 0; i < Math.min(12, st.length); i++) {
            sb.append("    at ").append(st[i]).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ inputs

    static List<String> seeds() throws IOException {
        Path root = Path.of(System.getProperty("adc.root", "..")).toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        for (Path d : List.of(root.resolve("interpreter/src/test/adc"), root.resolve("examples"), root.resolve("docs"))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".adc") && !p.toString().contains("/runs/")).sorted().toList()) {
                    out.add(Files.readString(p));
                }
            }
        }
        // code blocks of the README and the language reference
        for (Path md : List.of(root.resolve("README.md"), root.resolve("docs/language.md"))) {
            if (Files.isRegularFile(md)) {
                Matcher m = Pattern.compile("```adc\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(md));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    static String program(SplittableRandom rnd, List<String> seeds) {
        int kind = rnd.nextInt(20) == 0 ? 0 : 2 + rnd.nextInt(8);
        String base;
        if (kind < 2) {
            base = seeds.get(rnd.nextInt(seeds.size()));
        } else if (kind < 7) {
            base = window(rnd, seeds.get(rnd.nextInt(seeds.size())));
        } else if (kind < 9) {
            base = Gen.statements(rnd, 1 + rnd.nextInt(5));
        } else {
            base = window(rnd, seeds.get(rnd.nextInt(seeds.size()))) + window(rnd, seeds.get(rnd.nextInt(seeds.size())));
        }
        int mutations = kind >= 7 && rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            base = mutate(rnd, base);
        }
        return base;
    }

    /** A few consecutive lines of a seed. */
    static String window(SplittableRandom rnd, String text) {
        String[] lines = text.split("\n", -1);
        int from = rnd.nextInt(lines.length);
        int n = 1 + rnd.nextInt(Math.min(8, lines.length - from));
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, from + n)) + "\n";
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static String mutate(SplittableRandom rnd, String text) {
        List<String> t = tokens(text);
        if (t.isEmpty()) {
            return FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
        }
        int i = rnd.nextInt(t.size());
        switch (rnd.nextInt(9)) {
            case 0 -> t.remove(i);
            case 1 -> t.add(i, t.get(i));
            case 2 -> {
                int j = rnd.nextInt(t.size());
                String x = t.get(i);
                t.set(i, t.get(j));
                t.set(j, x);
            }
            case 3 -> t.add(i, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
            case 4 -> t.set(i, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
            case 5 -> t.add(i, String.valueOf(randomChar(rnd)));
            case 6 -> {
                // delete a run of tokens
                int n = 1 + rnd.nextInt(Math.min(8, t.size() - i));
                t.subList(i, i + n).clear();
            }
            case 7 -> {
                // truncate: unfinished input
                t.subList(i, t.size()).clear();
            }
            default -> t.add(i, Gen.expr(rnd, 2));
        }
        return String.join("", t);
    }

    static final String PUNCT = "{}()[]\"$\\\n#.,;:=+-*/^%<>!?'`~|&@";

    static char randomChar(SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> (char) (32 + rnd.nextInt(95));
            case 1 -> PUNCT.charAt(rnd.nextInt(PUNCT.length()));
            case 2 -> (char) (0x80 + rnd.nextInt(0x2F80));
            default -> (char) rnd.nextInt(0x10000);
        };
    }

    /** A small random generator of adc-looking programs. */
    static final class Gen {
        static final String[] NAMES = {"x", "y", "t", "ea", "rate", "rows", "print", "len", "arrhenius", "kB", "exp", "table", "math", "self"};
        static final String[] UNITS = {"K", "degC", "eV", "meV", "Hz", "uA", "µA", "Å", "angstrom", "GPa", "d", "h", "min", "s", "mg", "C",
            "kJ/mol", "degC/min", "S/cm", "Torr", "V", "m^2", "m^-1", "m/s^2", "mol", "Gpa", "foo"};
        static final String[] BINOPS = {"+", "-", "*", "/", "//", "%", "**", "^", "==", "!=", "<", "<=", ">", ">=", " and ", " or ", " in ",
            " to ", " .. ", " ..< "};

        static String expr(SplittableRandom r, int depth) {
            if (depth <= 0) {
                return atom(r);
            }
            return switch (r.nextInt(12)) {
                case 0, 1 -> expr(r, depth - 1) + BINOPS[r.nextInt(BINOPS.length)] + expr(r, depth - 1);
                case 2 -> "(" + expr(r, depth - 1) + ")";
                case 3 -> NAMES[r.nextInt(NAMES.length)] + "(" + args(r, depth - 1) + ")";
                case 4 -> "[" + args(r, depth - 1) + "]";
                case 5 -> "{a: " + expr(r, depth - 1) + ", b: " + expr(r, depth - 1) + "}";
                case 6 -> "\"text ${" + expr(r, depth - 1) + "} more\"";
                case 7 -> expr(r, depth - 1) + "." + NAMES[r.nextInt(NAMES.length)] + (r.nextBoolean() ? "()" : "");
                case 8 -> expr(r, depth - 1) + "[" + expr(r, depth - 1) + "]";
                case 9 -> "fn(x) => " + expr(r, depth - 1);
                case 10 -> (r.nextBoolean() ? "-" : "not ") + expr(r, depth - 1);
                default -> atom(r) + " to " + UNITS[r.nextInt(UNITS.length)];
            };
        }

        static String args(SplittableRandom r, int depth) {
            int n = r.nextInt(4);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (r.nextInt(4) == 0) {
                    sb.append(NAMES[r.nextInt(NAMES.length)]).append(" = ");
                }
                sb.append(expr(r, depth));
            }
            return sb.toString();
        }

        static String atom(SplittableRandom r) {
            return switch (r.nextInt(7)) {
                case 0 -> String.valueOf(r.nextInt(1000));
                case 1 -> r.nextInt(100) / 10.0 + "e" + (r.nextInt(40) - 20);
                case 2, 3 -> (r.nextInt(900) + 1) + " " + UNITS[r.nextInt(UNITS.length)];
                case 4 -> "\"s\"";
                case 5 -> r.nextBoolean() ? "true" : "none";
                default -> NAMES[r.nextInt(NAMES.length)];
            };
        }

        static String statements(SplittableRandom r, int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(statement(r, 2)).append('\n');
            }
            return sb.toString();
        }

        static String statement(SplittableRandom r, int depth) {
            String name = NAMES[r.nextInt(NAMES.length)];
            return switch (r.nextInt(depth <= 0 ? 4 : 12)) {
                case 0 -> "let " + name + " = " + expr(r, 2);
                case 1 -> "var " + name + ": " + UNITS[r.nextInt(UNITS.length)] + " = " + expr(r, 2);
                case 2 -> name + (r.nextBoolean() ? " = " : " += ") + expr(r, 2);
                case 3 -> expr(r, 3);
                case 4 -> "if " + expr(r, 2) + " {\n" + statement(r, depth - 1) + "\n} else {\n" + statement(r, depth - 1) + "\n}";
                case 5 -> "for " + name + " in " + expr(r, 1) + " .. " + expr(r, 1) + " step " + atom(r) + " {\n" + statement(r, depth - 1) + "\n}";
                case 6 -> "while " + expr(r, 2) + " { " + statement(r, depth - 1) + " }";
                case 7 -> "fn " + name + "(a, b: eV = 1 eV) {\n    return " + expr(r, 2) + "\n}";
                case 8 -> "try {\n" + statement(r, depth - 1) + "\n} catch e {\n    print(e.message)\n} finally { }";
                case 9 -> "recipe " + name + "(t: K) {\n    hold 8 d until " + expr(r, 1) + " < 1.5 uA\n    furnace.ramp(to = 450 degC, rate = 5 degC/min)\n}";
                case 10 -> "param " + name + " = " + atom(r) + " in " + atom(r) + " .. " + atom(r) + ", \"doc\"";
                default -> "import " + (r.nextBoolean() ? "math" : "units") + (r.nextBoolean() ? " as m" : "");
            };
        }
    }
}
