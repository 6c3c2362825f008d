package org.adc.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.adc.AdcLanguage;
import org.adc.launcher.Launch;

/**
 * The rule for names after a number (docs/language.md, "Units after a number"): a name bound in
 * scope is never read as a unit. Property: for every common unit symbol used as a variable name,
 * in every scope (top level, parameter, local, loop variable), every product or quotient of a
 * quantity literal and an operand built from the variable equals the same expression with the
 * literal in parentheses, where no unit reading is possible.
 */
class UnitNameRuleTest {
    static final List<String> NAMES = List.of("T", "d", "h", "s", "m", "g", "K", "A", "V", "C", "F", "J", "W", "N", "L", "M");
    static final List<String> UNITS = List.of("m", "eV/K", "cm^2", "J/(mol*K)", "degC/min", "mA*h");
    static final List<String> OPERANDS = List.of("X", "X^2", "(kB * X)", "(X * X)", "X ** 2", "abs(X)");
    static final List<String> OPS = List.of("*", "/");

    /** All cases for one name, as assert statements, in the four kinds of scope. */
    static String program(String x) {
        List<String> checks = new ArrayList<>();
        for (String unit : UNITS) {
            if (unit.matches(".*\\b" + x + "\\b.*")) {
                continue; // the unit itself names the variable: covered by the explicit tests below
            }
            for (String op : OPS) {
                for (String operand : OPERANDS) {
                    String o = operand.replace("X", x);
                    String lhs = "2.5 " + unit + " " + op + " " + o;
                    String ref = "(2.5 " + unit + ") " + op + " " + o;
                    checks.add("assert " + lhs + " == " + ref + ", \"" + lhs.replace("\"", "") + "\"");
                }
            }
        }
        String body = String.join("\n", checks);
        StringBuilder sb = new StringBuilder();
        sb.append("let ").append(x).append(" = 3\n").append(body).append('\n');
        sb.append("fn viaParam(").append(x).append(") {\n").append(body).append("\nreturn 1\n}\nviaParam(3)\n");
        sb.append("fn viaLocal() {\nlet ").append(x).append(" = 3\n").append(body).append("\nreturn 1\n}\nviaLocal()\n");
        sb.append("for ").append(x).append(" in [3] {\n").append(body).append("\n}\n");
        sb.append("print(\"ok\")\n");
        return sb.toString();
    }

    static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            ctx.eval(Source.create("adc", program));
        } catch (PolyglotException e) {
            return out.toString(StandardCharsets.UTF_8) + e.getMessage();
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @TestFactory
    Stream<DynamicTest> everyProductWithAUnitNamedVariableUsesTheVariable() {
        return NAMES.stream().map(x -> DynamicTest.dynamicTest(x, () -> assertEquals("ok", run(program(x)))));
    }

    @Test
    void theIssueExamples() {
        assertEquals("0.051702 eV\n0.06 cm^3\n2.75634e-8", run("""
            let T = 600 K
            print(8.617e-5 eV/K * T)
            let d = 0.5 mm
            print(1.2 cm^2 * d)
            let temperature = 600 K
            print(exp(-0.9 eV / (kB * temperature)))
            """));
        // constants inside parentheses after a unit, and h_planck
        assertEquals("true", run("let nu = 1e13 Hz\nprint(2 eV / (h_planck * nu) == (2 eV) / (h_planck * nu))"));
    }

    @Test
    void aVariableInsideTheUnitEndsTheUnit() {
        // K is bound: eV/K * K is (2 eV) / K * K, not 2 eV
        assertEquals("2 eV", run("let K = 1\nprint(2 eV/K * K)"));
    }

    @Test
    void theUnitBeforeItsDeclarationAndInItsOwnValue() {
        // in source order: the unit until the declaration, and in the declaration's own value
        assertEquals("3 h\n6 min\n2 s", run("print(3 h)\nlet s = 2 s\nlet h = 3\nprint(2 min * h)\nprint(s)"));
    }

    @Test
    void aBoundNameRightAfterANumberIsAnErrorNotAProduct() {
        String out = run("let T = 600 K\nprint(2 T)");
        assertTrue(out.contains("'T' after the number 2 is the variable 'T', not a unit"), out);
        assertTrue(out.contains("write 2 * T"), out);
    }

    @Test
    void checkWarnsAboutUnitNamedVariables() {
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            Source src = Source.newBuilder("adc", "let T = 600 K\nfn f(d) { return d }\nlet temp = 1 K\n", "w.adc")
                .mimeType(AdcLanguage.CHECK_MIME_TYPE).buildLiteral();
            Analysis a = ctx.eval(src).asHostObject();
            assertEquals(2, a.diagnostics().size(), a.diagnostics().toString());
            assertTrue(a.diagnostics().stream().allMatch(d -> d.severity().equals("warning")));
            assertEquals(1, a.diagnostics().get(0).line());
            assertEquals(2, a.diagnostics().get(1).line());
        }
    }
}
