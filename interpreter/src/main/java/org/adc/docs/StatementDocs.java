package org.adc.docs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.Doc;

/**
 * Reference pages of the language's statements, in the same {@link Doc} format as the library's
 * functions: shown by the language server's hover over a keyword and generated into
 * {@code docs/reference/statements/}. The language reference (docs/language.md) stays the tutorial.
 */
public final class StatementDocs {
    private StatementDocs() {
    }

    private static final String LANG = "adc language reference (docs/language.md)";
    private static final Map<String, Doc> PAGES = new LinkedHashMap<>();

    private static void page(String keyword, String summary, String syntax, String examples, String description, String units,
                             String errors, String related) {
        PAGES.put(keyword, new Doc(summary, syntax, examples, description, units, errors, LANG, related));
    }

    static {
        page("let", "declares a constant (let) or a variable (var), optionally with a unit",
            "let NAME = EXPR\nlet NAME: UNIT = EXPR\nvar NAME = EXPR",
            "let t: K = 450 degC\nvar n = 0\nn += 1",
            "Names declared at the top level of a file are global; names declared in a block live until the block ends. "
                + "A let cannot be assigned again; a var can (=, +=, -=, *=, /=).",
            "With `: UNIT` the value must have that unit's dimension (checked before the recipe runs).",
            "cannot assign to 'x': it was declared with let; 'x' is declared as temperature (K) but its value is energy",
            "var, param, fn");
        page("var", "declares a variable that can be assigned again", "var NAME = EXPR\nvar NAME: UNIT = EXPR",
            "var total = 0 C\ntotal += 1.5 uA * 1 h", "See let.", "An assignment must keep the declared dimension.",
            "'x' holds charge but is assigned energy", "let");
        page("fn", "defines a function, or a lambda as an expression",
            "fn NAME(PARAM, PARAM: UNIT = DEFAULT, ...) { ... return EXPR }\nfn(PARAMS) => EXPR",
            "fn hop_rate(ea: eV, t: K = 450 degC, nu0 = 1e13 Hz) {\n    return nu0 * exp(-ea / (kB * t))\n}\nlet square = fn(x) => x * x",
            "Parameters may have units and defaults (evaluated once, when the definition runs). Arguments go by position, then "
                + "by name. A function without return returns none. Functions see the variables around them (closures).",
            "`ea: eV` accepts any energy; checked at the call, and before the run where the argument's dimension is known.",
            "bad argument, missing argument, unknown parameter name, argument given twice", "recipe, return");
        page("recipe", "defines a procedure: a callable sequence of lab steps with a finally block that always runs",
            "recipe NAME(PARAMS) { STEPS } finally { CLEANUP }",
            "recipe adc_extraction(t = 450 degC, v = 50 V) {\n    furnace.ramp(to = t, rate = 5 degC/min)\n    hold 8 d until smu.current < 1.5 uA\n} finally {\n    smu.off()\n}",
            "A recipe is called like a function. Its finally block runs on every exit, also after an error or an interlock. "
                + "(Grammar and checks are ready; running lab steps needs the device runtime.)",
            null, null, "parallel, hold, limit, fn");
        page("parallel", "runs its statements as concurrent branches and waits for all of them",
            "parallel { STEP; STEP }",
            "parallel {\n    furnace.ramp(to = 450 degC, rate = 5 degC/min)\n    smu.apply(voltage = 50 V, compliance = 1 mA)\n}",
            "Each statement of the block is one branch; the block ends when every branch has ended. An error in one branch stops the others.",
            null, null, "recipe, hold");
        page("hold", "dwells for a duration, until a condition holds, or both",
            "hold DURATION\nhold DURATION until CONDITION with every = PERIOD\nhold until CONDITION",
            "hold 30 min\nhold 8 d until smu.current < 1.5 uA with every = 1 s",
            "Waits DURATION, or less when CONDITION becomes true (checked every PERIOD). The options after with are named arguments.",
            "DURATION and PERIOD are times.", "a duration that is not a time is reported before the run", "limit, recipe, parallel");
        page("limit", "declares an interlock watched while the recipe runs",
            "limit CONDITION, \"why\"",
            "limit furnace.temperature <= 460 degC, \"Na24Si136 decomposes above 450 degC\"",
            "When CONDITION becomes false the recipe stops with the message, and finally blocks run.",
            "Both sides of the comparison must have one dimension.", "cannot compare temperature with energy", "recipe, assert");
        page("param", "declares a script parameter the user can set with adc run --set",
            "param NAME = DEFAULT\nparam NAME = DEFAULT in LOW .. HIGH, \"description\"",
            "param anneal_t = 450 degC in 300 degC .. 460 degC, \"anneal temperature\"\nparam nu0 = 1e13 Hz",
            "`adc run recipe.adc --set anneal_t=440degC` replaces the default. A value of the wrong dimension or outside the "
                + "range is refused before anything runs. Only at the top level of a file.",
            "A value given with --set must have the default's dimension.", "param must be declared at the top level of a recipe file",
            "let");
        page("import", "makes a library module available under its name or an alias",
            "import MODULE\nimport MODULE as ALIAS", "import kinetics\nimport chem as c\nkinetics.arrhenius(ea = 0.903 eV, t = 450 degC)",
            "Library functions are also global names; a module groups them (kinetics.arrhenius is arrhenius).",
            null, "no module named 'x' (the hint lists the modules)", "help");
        page("if", "runs a block when a condition is true", "if COND { ... } else if COND { ... } else { ... }",
            "if t > 460 degC {\n    raise \"too hot\"\n} else {\n    print(\"ok\")\n}",
            "none, 0, \"\" and [] are false.", "Quantities compare within one dimension.", "cannot compare temperature with energy", "while, for");
        page("for", "loops over a range, list, map, table or string",
            "for X in ITERABLE { ... }\nfor K, V in MAP { ... }\nfor I, X in LIST { ... }",
            "for T in 300 K .. 700 K step 100 K { print(T) }\nfor k, v in {\"Na\": 1, \"Si\": 2} { print(k, v) }",
            "Ranges are inclusive (a .. b) or exclusive (a ..< b); a step written in degC counts as a difference. break and continue work as in Python.",
            "Start, end and step of a quantity range must share a dimension.", null, "while");
        page("while", "loops while a condition is true", "while COND { ... }", "var n = 0\nwhile n < 5 { n += 1 }", null, null, null, "for");
        page("try", "handles errors; finally runs on every exit", "try { ... } catch e { ... } finally { ... }",
            "try {\n    let rows = table(\"missing.csv\")\n} catch e {\n    print(e.message, e.hint)\n}",
            "The caught error has message, hint, value and line.", null, null, "raise, assert");
        page("raise", "raises an error with a message and optional hint", "raise \"message\"\nraise {message: \"...\", hint: \"...\"}",
            "raise {message: \"too hot\", hint: \"lower anneal_t\"}", "An error that reaches the top stops the recipe (exit code 1).",
            null, null, "try, assert");
        page("assert", "raises an error when a condition is false", "assert COND, \"message\"", "assert t < 460 degC, \"too hot\"",
            null, null, null, "raise, limit");
        page("return", "returns a value from a function or recipe", "return EXPR\nreturn", "return nu0 * exp(-ea / (kB * t))",
            "A function without return returns none.", null, "return outside a function", "fn");
        page("to", "converts a quantity to another unit of the same dimension", "EXPR to UNIT",
            "450 degC to K      # 723.15 K\n6 kJ/mol to meV    # 62.1856 meV\n0.5 Hz to 1/s",
            "Molar and per-particle quantities convert through the Avogadro constant.", "The unit must have the quantity's dimension.",
            "cannot convert energy to temperature", "value_in, fmt");
    }

    /** Pages by keyword, in the order of the language reference. */
    public static Map<String, Doc> pages() {
        return java.util.Collections.unmodifiableMap(PAGES);
    }
}
