package org.adc.docs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.Doc;

/**
 * Reference pages of the language's statements and keywords, in the same {@link Doc} format and
 * fixed sections as the library's functions: shown by the REPL's {@code :help for}, the language
 * server's hover over a keyword and {@code docs/reference/statements/}. Every keyword of the lexer
 * has a page or is named by one ({@link #aliases()}: {@code else} is on the {@code if} page);
 * {@code ReferenceDocsTest} fails otherwise. The language reference (docs/language.md) stays the tutorial.
 */
public final class StatementDocs {
    private StatementDocs() {
    }

    private static final String LANG = "adc language reference, docs/language.md";
    private static final Map<String, Doc> PAGES = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    private static void page(String keyword, String summary, String syntax, String examples, String description, String units,
                             String errors, String source, String related) {
        PAGES.put(keyword, new Doc(summary, syntax, examples, description, units, errors, LANG + ", section " + source, related));
    }

    private static void alias(String page, String... keywords) {
        for (String k : keywords) {
            ALIASES.put(k, page);
        }
    }

    static {
        page("let", "declares a constant, optionally with a unit",
            "let NAME = EXPR\nlet NAME: UNIT = EXPR",
            "let t: K = 450 degC\nlet ea = 0.903 eV\nlet rates = [1 Hz, 2 Hz]",
            "Names declared at the top level of a file are global; names declared in a block { } live until the block ends. "
                + "A let cannot be assigned again (use var for that); its value may still be a mutable list or map.",
            "With `: UNIT` the value must have that unit's dimension (checked before the recipe runs); the value keeps its own unit.",
            "cannot assign to 'x': it was declared with let; 'x' is declared as temperature (K) but its value is energy; "
                + "'x' is already declared in this block",
            "Variables and scope", "var, param, fn");
        page("var", "declares a variable that can be assigned again", "var NAME = EXPR\nvar NAME: UNIT = EXPR\nNAME = EXPR\nNAME += EXPR",
            "var total = 0 C\ntotal += 1.5 uA * 1 h\nvar n = 0\nn = n + 1",
            "Like let, but the name can be assigned with =, +=, -=, *= and /=.",
            "An assignment must keep the dimension the variable had (checked where known).",
            "'x' holds charge but is assigned energy; cannot add charge to energy", "Variables and scope", "let");
        page("fn", "defines a function, or a lambda as an expression",
            "fn NAME(PARAM, PARAM: UNIT = DEFAULT, ...) { ... return EXPR }\nfn(PARAMS) => EXPR",
            "fn hop_rate(ea: eV, t: K = 450 degC, nu0 = 1e13 Hz) {\n    return nu0 * exp(-ea / (kB * t))\n}\nlet square = fn(x) => x * x",
            "Parameters may have units and defaults (evaluated once, when the definition runs). Arguments go by position, then "
                + "by name. A function without return returns none. Functions see the variables around them (closures).",
            "`ea: eV` accepts any energy; checked at the call, and before the run where the argument's dimension is known.",
            "bad argument, missing argument, unknown parameter name, argument given twice, parameter appears twice", "Functions",
            "recipe, return");
        page("return", "returns a value from a function or recipe", "return EXPR\nreturn",
            "fn rate(ea: eV, t: K) {\n    return 1e13 Hz * exp(-ea / (kB * t))\n}",
            "Ends the function and gives its value; `return` alone returns none. A function without return returns none.",
            "The value keeps its unit.", "return outside a function", "Functions", "fn");
        page("recipe", "defines a procedure: a callable sequence of lab steps with a finally block that always runs",
            "recipe NAME(PARAMS) { STEPS } finally { CLEANUP }",
            "recipe adc_extraction(t = 450 degC, v = 50 V) {\n    furnace.ramp(to = t, rate = 5 degC/min)\n    hold 8 d until smu.current < 1.5 uA\n} finally {\n    smu.off()\n}",
            "A recipe is called like a function. Its finally block runs on every exit, also after an error or an interlock, "
                + "so the devices end in a safe state. Devices are simulated unless the lab file maps them to instruments.",
            "Parameters take units as in fn.", "the errors of fn; an error in a step stops the recipe after its finally block",
            "Procedures", "parallel, hold, limit, fn");
        page("parallel", "runs its statements as concurrent branches and waits for all of them",
            "parallel { STEP; STEP }",
            "parallel {\n    furnace.ramp(to = 450 degC, rate = 5 degC/min)\n    smu.apply(voltage = 50 V, compliance = 1 mA)\n}",
            "Each statement of the block is one branch; the block ends when every branch has ended. An error in one branch stops the others.",
            "Each branch checks its own units.", "the first error of a branch, after the others are stopped", "Procedures", "recipe, hold");
        page("hold", "dwells for a duration, until a condition holds, or both",
            "hold DURATION\nhold DURATION until CONDITION with every = PERIOD\nhold until CONDITION",
            "hold 30 min\nhold 8 d until smu.current < 1.5 uA with every = 1 s",
            "Waits DURATION, or less when CONDITION becomes true (checked every PERIOD). The options after with are named arguments. "
                + "`until` and `with` belong to this statement.",
            "DURATION and PERIOD are times.", "a duration that is not a time is reported before the run", "Procedures",
            "limit, recipe, parallel");
        page("limit", "declares an interlock watched while the recipe runs",
            "limit CONDITION, \"why\"",
            "limit furnace.temperature <= 460 degC, \"Na24Si136 decomposes above 450 degC\"",
            "When CONDITION becomes false the recipe stops with the message, and finally blocks run.",
            "Both sides of the comparison must have one dimension.", "cannot compare temperature with energy", "Procedures",
            "recipe, assert");
        page("param", "declares a script parameter the user can set with adc run --set",
            "param NAME = DEFAULT\nparam NAME = DEFAULT in LOW .. HIGH, \"description\"",
            "param anneal_t = 450 degC in 300 degC .. 460 degC, \"anneal temperature\"\nparam nu0 = 1e13 Hz",
            "`adc run recipe.adc --set anneal_t=440degC` replaces the default. A value of the wrong dimension or outside the "
                + "range is refused before anything runs. Only at the top level of a file.",
            "A value given with --set must have the default's dimension; the range shares it.",
            "param must be declared at the top level of a recipe file; --set x: the recipe has no parameter 'x'", "Script parameters",
            "let");
        page("import", "makes a library module available under its name or an alias",
            "import MODULE\nimport MODULE as ALIAS", "import kinetics\nimport chem as c\nkinetics.arrhenius(ea = 0.903 eV, t = 450 degC)",
            "Most library functions are also global names; a module groups them (kinetics.arrhenius is arrhenius). "
                + "Some modules (structure, kmc, gcmc) are reached only through import.",
            "Module members keep their own units.", "no module named 'x' (the hint lists the modules)", "Modules", "help");
        page("if", "runs a block when a condition is true", "if COND { ... } else if COND { ... } else { ... }",
            "if t > 460 degC {\n    raise \"too hot\"\n} else {\n    print(\"ok\")\n}",
            "The first branch whose condition is true runs. none, 0, \"\" and [] are false.",
            "Quantities compare within one dimension.", "cannot compare temperature with energy", "Control flow", "while, for");
        page("for", "loops over a range, list, map, table or string",
            "for X in ITERABLE { ... }\nfor K, V in MAP { ... }\nfor I, X in LIST { ... }\nfor X in START .. END step STEP { ... }",
            "for T in 300 K .. 700 K step 100 K { print(T) }\nfor k, v in {\"Na\": 1, \"Si\": 2} { print(k, v) }",
            "Ranges are inclusive (a .. b) or exclusive (a ..< b); a step written in degC counts as a difference. "
                + "break and continue work as in Python.",
            "Start, end and step of a quantity range must share a dimension; the loop variable has it.",
            "the end of the range has another dimension than its start; cannot iterate over a number", "Control flow",
            "while, break, continue");
        page("while", "loops while a condition is true", "while COND { ... }", "var n = 0\nwhile n < 5 { n += 1 }",
            "Checks COND before each pass. break leaves the loop, continue starts the next pass.",
            "Quantities in COND compare within one dimension.", "cannot compare temperature with energy", "Control flow",
            "for, break, continue");
        page("break", "leaves the innermost loop", "break", "for x in xs {\n    if x > 10 { break }\n    print(x)\n}",
            "Ends the innermost for or while loop at once.", "No units.", "break outside a loop", "Control flow", "continue, for, while");
        page("continue", "starts the next pass of the innermost loop", "continue",
            "for i in 0 ..< 10 {\n    if i % 2 == 1 { continue }\n    print(i)\n}",
            "Skips the rest of the loop body.", "No units.", "continue outside a loop", "Control flow", "break, for, while");
        page("try", "handles errors; finally runs on every exit", "try { ... } catch e { ... } finally { ... }",
            "try {\n    let rows = table(\"missing.csv\")\n} catch e {\n    print(e.message, e.hint)\n} finally {\n    print(\"done\")\n}",
            "The caught error has message, hint, value and line. catch (with or without a name) and finally are both optional.",
            "No units.", "an error in catch or finally replaces the first one", "Errors", "raise, assert");
        page("raise", "raises an error with a message and optional hint", "raise \"message\"\nraise {message: \"...\", hint: \"...\"}",
            "raise {message: \"too hot\", hint: \"lower anneal_t\"}",
            "An error that reaches the top stops the recipe: adc prints file:line:column, the source line, the hint, and exits with code 1.",
            "No units.", "the raised error itself", "Errors", "try, assert");
        page("assert", "raises an error when a condition is false", "assert COND\nassert COND, \"message\"", "assert t < 460 degC, \"too hot\"",
            "Like `if not COND { raise \"message\" }`; without a message the error quotes the condition.", "Quantities in COND compare within one dimension.",
            "the message, or assertion failed: COND", "Errors", "raise, limit");
        page("to", "converts a quantity to another unit of the same dimension", "EXPR to UNIT",
            "450 degC to K      # 723.15 K\n6 kJ/mol to meV    # 62.1856 meV\n0.5 Hz to 1/s",
            "Molar and per-particle quantities convert through the Avogadro constant.", "The unit must have the quantity's dimension.",
            "cannot convert energy to temperature", "Quantities and units", "value_in, fmt");
        page("and", "logical operators and, or, not (short-circuit)", "A and B\nA or B\nnot A\nX not in C",
            "if t > 300 K and t < 460 degC { print(\"in range\") }\nlet ok = not (t > 460 degC) or forced",
            "and and or evaluate the right side only when needed; none, 0, \"\" and [] count as false. All three give true or false.",
            "Comparisons inside compare within one dimension.", "cannot compare temperature with energy", "Operators", "if, true");
        page("true", "the values true, false and none", "true\nfalse\nnone",
            "var found = false\nlet missing = none\nif missing == none { found = true }",
            "true and false are the booleans; none is the absence of a value (a function without return gives it).",
            "No units.", "none has no member 'x' (none.x)", "Values", "and, if");
        alias("if", "else");
        alias("for", "in", "step");
        alias("try", "catch", "finally");
        alias("import", "as");
        alias("hold", "until", "with");
        alias("and", "or", "not");
        alias("true", "false", "none");
    }

    /** Pages by keyword, in the order of the language reference. */
    public static Map<String, Doc> pages() {
        return Collections.unmodifiableMap(PAGES);
    }

    /** Keywords that have no page of their own, with the keyword whose page describes them. */
    public static Map<String, String> aliases() {
        return Collections.unmodifiableMap(ALIASES);
    }

    /** The keyword whose page describes a keyword, or null. */
    public static String pageOf(String keyword) {
        return PAGES.containsKey(keyword) ? keyword : ALIASES.get(keyword);
    }
}
