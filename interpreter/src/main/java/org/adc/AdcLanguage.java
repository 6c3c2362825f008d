package org.adc;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.source.Source;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import org.adc.parser.SourceParser;

/**
 * The adc language: where a reader of the interpreter starts.
 *
 * <p>A source is parsed by the ANTLR grammar (module {@code grammar}) into a parse tree; the
 * {@link org.adc.parser.NodeBuilder} turns it into Truffle nodes, resolving local variables to
 * frame slots and checking units wherever dimensions are known before anything runs. All syntax
 * and check errors of a file are reported together. Executing the root runs the script; top-level
 * names live in the {@link AdcContext}'s global scope, so the REPL keeps them between inputs.
 *
 * <p>Options (set by the launcher): the script's folder and the run directory for the sandboxed
 * file access of library functions, and the {@code --set} parameter values.
 */
@TruffleLanguage.Registration(id = AdcLanguage.ID, name = "adc", defaultMimeType = AdcLanguage.MIME_TYPE,
    characterMimeTypes = {AdcLanguage.MIME_TYPE, AdcLanguage.CHECK_MIME_TYPE}, fileTypeDetectors = AdcFileDetector.class,
    contextPolicy = TruffleLanguage.ContextPolicy.SHARED, version = AdcLanguage.VERSION)
public final class AdcLanguage extends TruffleLanguage<AdcContext> {
    public static final String ID = "adc";
    public static final String MIME_TYPE = "application/x-adc";
    /**
     * A source of this type is only checked: evaluating it returns the {@link org.adc.parser.Analysis}
     * (errors as data, inferred dimensions) as a host object and never runs the script (adc lsp).
     */
    public static final String CHECK_MIME_TYPE = "application/x-adc-check";
    public static final String VERSION = "0.1.0";

    @Option(help = "Folder relative reads resolve against (the recipe's folder).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> ScriptDir = new OptionKey<>("");

    @Option(help = "Run directory that library functions write into.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> RunDir = new OptionKey<>("");

    @Option(help = "Script parameters, one name=value per line (adc run --set).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> Params = new OptionKey<>("");

    @Option(help = "Run procedures in real time instead of virtual time (adc run --real-time).", category = OptionCategory.USER,
        stability = OptionStability.STABLE)
    static final OptionKey<Boolean> RealTime = new OptionKey<>(false);

    @Option(help = "Lab configuration file mapping device names to real instruments (adc run --lab FILE).", category = OptionCategory.USER,
        stability = OptionStability.STABLE)
    static final OptionKey<String> Lab = new OptionKey<>("");

    @Option(help = "Drive the real instruments of the lab file, on the wall clock (adc run --live).", category = OptionCategory.USER,
        stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Live = new OptionKey<>(false);

    @Option(help = "Resume the run in the run directory from its journal (adc run --resume RUN_DIR).", category = OptionCategory.USER,
        stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Resume = new OptionKey<>(false);

    @Option(help = "Pre-flight dry run: twins in virtual time held to the lab file's limits (adc run --live, --real-time).",
        category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Preflight = new OptionKey<>(false);

    @Option(help = "Where fan-outs run (adc run --executor ...), key=value lines (org.adc.executor.ExecutorSpec).",
        category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> Executor = new OptionKey<>("");

    @Option(help = "Write run.json into the run directory at the end (adc run).", category = OptionCategory.USER,
        stability = OptionStability.STABLE)
    static final OptionKey<Boolean> RunRecord = new OptionKey<>(false);

    @Override
    protected AdcContext createContext(Env env) {
        return new AdcContext(env);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new AdcLanguageOptionDescriptors();
    }

    @Override
    protected boolean areOptionsCompatible(org.graalvm.options.OptionValues first, org.graalvm.options.OptionValues second) {
        return first.equals(second);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (CHECK_MIME_TYPE.equals(source.getMimeType())) {
            return new AnalysisRootNode(this, SourceParser.analyze(this, source)).getCallTarget();
        }
        return SourceParser.parse(this, source).getCallTarget();
    }

    /** The end of every run, normal or not: devices to their safe state, logs flushed and closed. */
    @Override
    protected void finalizeContext(AdcContext context) {
        context.finish();
    }

    /**
     * Results of interactive sources are never printed by Truffle: the REPL's own node prints the
     * value of an input that ends in an expression, in adc's notation, and nothing else.
     */
    @Override
    protected boolean isVisible(AdcContext context, Object value) {
        return false;
    }

    @Override
    protected Object getScope(AdcContext context) {
        return null;
    }
}
