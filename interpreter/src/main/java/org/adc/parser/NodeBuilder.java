package org.adc.parser;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import org.adc.AdcLanguage;
import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lib.Stdlib;
import org.adc.nodes.AdcNode;
import org.adc.nodes.AdcRootNode;
import org.adc.nodes.controlflow.AssertNode;
import org.adc.nodes.controlflow.AssignIndexNode;
import org.adc.nodes.controlflow.BlockNode;
import org.adc.nodes.controlflow.CheckArgumentNode;
import org.adc.nodes.controlflow.ForRangeNode;
import org.adc.nodes.controlflow.FunctionBodyNode;
import org.adc.nodes.controlflow.FunctionDefNode;
import org.adc.nodes.controlflow.IfNode;
import org.adc.nodes.controlflow.ImportNode;
import org.adc.nodes.controlflow.JumpNode;
import org.adc.nodes.controlflow.ParamCheckNode;
import org.adc.nodes.controlflow.ParamNode;
import org.adc.nodes.controlflow.HoldNode;
import org.adc.nodes.controlflow.LimitNode;
import org.adc.nodes.controlflow.ParallelNode;
import org.adc.nodes.controlflow.RaiseNode;
import org.adc.nodes.controlflow.TryNode;
import org.adc.nodes.controlflow.WhileNode;
import org.adc.nodes.expression.AddNodeGen;
import org.adc.nodes.expression.AndNode;
import org.adc.nodes.expression.CallNode;
import org.adc.nodes.expression.ConvertNode;
import org.adc.nodes.expression.DivNodeGen;
import org.adc.nodes.expression.DoubleLiteralNode;
import org.adc.nodes.expression.EqualNodeGen;
import org.adc.nodes.expression.FloorDivNodeGen;
import org.adc.nodes.expression.GreaterOrEqualNodeGen;
import org.adc.nodes.expression.GreaterThanNodeGen;
import org.adc.nodes.expression.InNode;
import org.adc.nodes.expression.IndexNode;
import org.adc.nodes.expression.InterpolationNode;
import org.adc.nodes.expression.LessOrEqualNodeGen;
import org.adc.nodes.expression.LessThanNodeGen;
import org.adc.nodes.expression.ListLiteralNode;
import org.adc.nodes.expression.LiteralNode;
import org.adc.nodes.expression.LongLiteralNode;
import org.adc.nodes.expression.MapLiteralNode;
import org.adc.nodes.expression.MemberNode;
import org.adc.nodes.expression.ModNodeGen;
import org.adc.nodes.expression.MulNodeGen;
import org.adc.nodes.expression.NegNodeGen;
import org.adc.nodes.expression.NotNode;
import org.adc.nodes.expression.OrNode;
import org.adc.nodes.expression.PowNodeGen;
import org.adc.nodes.expression.RangeNode;
import org.adc.nodes.expression.SubNodeGen;
import org.adc.nodes.local.ReadArgumentNode;
import org.adc.nodes.local.ReadCapturedNode;
import org.adc.nodes.local.ReadGlobalNode;
import org.adc.nodes.local.ReadLocalNodeGen;
import org.adc.nodes.local.WriteCapturedNode;
import org.adc.nodes.local.WriteGlobalNode;
import org.adc.nodes.local.WriteLocalNodeGen;
import org.adc.runtime.Diagnostic;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Builds Truffle nodes from the parse tree, one method per construct, in the manner of
 * SimpleLanguage's node factory. While building it resolves names (locals to frame slots,
 * enclosing functions' locals through captured frames, the rest to globals) and infers
 * dimensions wherever they are known, so unit mismatches, unknown names and bad library
 * arguments are reported before the script runs. Errors are collected, not thrown.
 */
final class NodeBuilder {
    private final AdcLanguage language;
    private final Source source;
    private final boolean interactive;
    private final Set<String> knownGlobals;
    final List<Diagnostic> errors = new ArrayList<>();
    /** Warnings: the recipe runs, but a reader may misread it (adc check and the language server show them). */
    final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<AdcNode, Dimension> dims = new IdentityHashMap<>();
    /** The unit an expression is written in, where the source says it (a quantity, a conversion, a declared name). */
    private final Map<AdcNode, String> units = new IdentityHashMap<>();
    private final Map<Scope.Local, String> localUnits = new IdentityHashMap<>();
    private final Map<String, String> globalUnits = new HashMap<>();
    /** Declared names with a known dimension: the name token's offset, length, dimension and unit. */
    private final List<Analysis.Span> declarations = new ArrayList<>();
    private final Map<String, Dimension> globalDims = new HashMap<>();
    private final Map<String, String> imports = new HashMap<>();
    private final Map<String, Dimension[]> userSigs = new HashMap<>();
    private final Map<String, String[]> userParamNames = new HashMap<>();
    private final Map<String, boolean[]> userRequired = new HashMap<>();
    private final Set<String> scriptGlobals = new HashSet<>();
    private final Set<String> scriptConstants = new HashSet<>();
    /** Top-level names declared so far, in source order: from its declaration on, a name is never read as a unit. */
    private final Set<String> declaredGlobals = new HashSet<>();
    /** Top-level constants holding a lab device (let f = furnace()): name → device kind, for checking its operations. */
    private final Map<String, String> deviceKinds = new HashMap<>();
    /**
     * A value whose members are known before the run: a record literal (its fields) or a table read
     * from a literal CSV path (its operations, and its rows' fields from the header).
     */
    record Shape(String what, java.util.Collection<String> members, List<String> rowFields) {
    }

    /** Shapes of expressions, and of the constants and loop variables that hold them. */
    private final Map<AdcNode, Shape> shapes = new IdentityHashMap<>();
    private final Map<String, Shape> globalShapes = new HashMap<>();
    private final Map<Scope.Local, Shape> localShapes = new IdentityHashMap<>();
    /** Local modules imported by this file: alias → the built module. */
    private final Map<String, LocalModule> localModules = new HashMap<>();
    /**
     * For a local module's builder: its top-level names live in the global scope under this prefix
     * (the module's own namespace); empty for the recipe itself.
     */
    private String prefix = "";
    /** This file's path relative to the recipe's folder ("" for the recipe); imports resolve against its folder. */
    private String file = "";
    /** The files being imported, outermost first, ending with this one: a file already in it is a cycle. */
    private List<String> importChain = List.of();
    private Scope scope;
    private int loopDepth;
    private int functionDepth;

    NodeBuilder(AdcLanguage language, Source source, Set<String> knownGlobals) {
        this.language = language;
        this.source = source;
        this.interactive = source.isInteractive();
        this.knownGlobals = knownGlobals;
    }

    /** A local module imported with {@code import "profiles.adc" as p}: its file, namespace, root and checker state. */
    record LocalModule(String name, String file, String prefix, RootCallTarget target, NodeBuilder builder) {
        /** The names the module exports: its top-level names, except imports and those starting with '_'. */
        List<String> exported() {
            List<String> out = new ArrayList<>();
            for (String n : builder.scriptGlobals) {
                if (!n.startsWith("_") && !builder.imports.containsKey(n) && !builder.localModules.containsKey(n)) {
                    out.add(n);
                }
            }
            java.util.Collections.sort(out);
            return out;
        }
    }

    /** Makes this builder the builder of a local module: its own namespace, its file, the import chain that led to it. */
    NodeBuilder asModule(String moduleFile, List<String> chain) {
        this.file = moduleFile;
        this.prefix = moduleFile + "::";
        this.importChain = chain;
        return this;
    }

    /** The global-scope name of a top-level name of this file (in a module, under its prefix). */
    private String global(String name) {
        return !prefix.isEmpty() && scriptGlobals.contains(name) ? prefix + name : name;
    }

    /** The name as the file wrote it, from a global-scope name. */
    private String unprefixed(String name) {
        return !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    // ---------------------------------------------------------------- errors and positions

    void error(Token start, Token stop, String message, String hint) {
        int width = stop == null || stop.getLine() != start.getLine() ? start.getText().length()
            : stop.getStopIndex() - start.getStartIndex() + 1;
        errors.add(Diagnostic.at(source, start.getLine(), start.getCharPositionInLine() + 1, Math.max(1, width), "error", message, hint));
    }

    void error(ParserRuleContext ctx, String message, String hint) {
        error(ctx.getStart(), ctx.getStop(), message, hint);
    }

    void warning(Token t, String message, String hint) {
        warnings.add(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, t.getText().length()), "warning", message, hint));
    }

    /** Names of common units that recipes are tempted to use as variables (T for a temperature, d for a distance). */
    private static final Set<String> UNIT_LIKE_NAMES = Set.of("T", "d", "h", "s", "m", "g", "K", "A", "V", "C", "F", "J", "W", "N", "L", "M");

    /** Warns when a declared name is a common unit symbol: after a number it now means the variable, not the unit. */
    private void checkUnitLikeName(Token name) {
        String n = name.getText();
        if (UNIT_LIKE_NAMES.contains(n)) {
            warning(name, "'" + n + "' is named like the unit " + n + ": where it is in scope, " + n
                + " after a number means this variable, not the unit",
                "rename it (e.g. " + suggestedName(n) + ") if you mean the unit anywhere it is visible");
        }
    }

    private static String suggestedName(String n) {
        return switch (n) {
            case "T" -> "temp or T_anneal";
            case "d" -> "dist or thickness";
            case "h" -> "height";
            case "s" -> "dist or step";
            case "m" -> "mass";
            case "g" -> "mass_g";
            case "V" -> "volume or voltage";
            case "C" -> "conc or capacity";
            case "N" -> "n_atoms";
            case "L" -> "length";
            default -> n + "_value";
        };
    }

    private <T extends AdcNode> T at(T node, ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start : Math.max(start, ctx.getStop().getStopIndex());
        node.setSourceSection(start, stop - start + 1);
        return node;
    }

    private <T extends AdcNode> T at(T node, Token t) {
        node.setSourceSection(t.getStartIndex(), Math.max(1, t.getStopIndex() - t.getStartIndex() + 1));
        return node;
    }

    private SourceSection section(ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start : Math.max(start, ctx.getStop().getStopIndex());
        return source.createSection(start, stop - start + 1);
    }

    /** The source text of a construct, as the user wrote it. */
    private String sourceText(ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start : ctx.getStop().getStopIndex();
        return source.getCharacters().subSequence(start, Math.max(start, stop + 1)).toString();
    }

    private Dimension dim(AdcNode n) {
        return n == null ? null : dims.get(n);
    }

    private AdcNode withDim(AdcNode n, Dimension d) {
        if (d != null) {
            dims.put(n, d);
        }
        return n;
    }

    private AdcNode withUnit(AdcNode n, String unit) {
        if (unit != null) {
            units.put(n, unit);
        }
        return n;
    }

    private void declared(Token name, Dimension d, String unit) {
        if (d != null) {
            declarations.add(new Analysis.Span(name.getStartIndex(), name.getStopIndex() - name.getStartIndex() + 1, d, unit));
        }
    }

    /**
     * What the checker inferred: every expression and declared name whose dimension is known, with
     * its offset and length in code points (as the lexer counts) and the unit it is written in when
     * the source says so.
     */
    List<Analysis.Span> spans() {
        List<Analysis.Span> out = new ArrayList<>(declarations);
        for (Map.Entry<AdcNode, Dimension> e : dims.entrySet()) {
            AdcNode n = e.getKey();
            if (n.hasSource()) {
                out.add(new Analysis.Span(n.sourceCharIndex(), n.sourceLength(), e.getValue(), units.get(n)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- program

    AdcRootNode program(AdcParser.ProgramContext ctx) {
        scope = new Scope(null, true);
        List<AdcParser.StatementContext> stmts = ctx.statement();
        collectTopLevel(stmts);
        List<AdcNode> nodes = new ArrayList<>();
        for (AdcParser.StatementContext s : stmts) {
            AdcNode n = statement(s);
            if (n != null) {
                nodes.add(n);
            }
        }
        if (!interactive) {
            // check the adc run --set values before the first statement runs
            List<ParamNode> params = new ArrayList<>();
            for (AdcNode n : nodes) {
                if (n instanceof ParamNode p) {
                    params.add(p);
                }
            }
            nodes.add(0, new ParamCheckNode(params));
        }
        AdcNode body = new BlockNode(nodes.toArray(new AdcNode[0]));
        // the REPL's completion asks for a value (source "<complete>"): returned, not printed
        if (interactive && !stmts.isEmpty() && stmts.get(stmts.size() - 1) instanceof AdcParser.ExprStmtContext
            && !"<complete>".equals(source.getName())) {
            body = new PrintResultNode(body);
        }
        SourceSection whole = source.createSection(0, source.getLength());
        return new AdcRootNode(language, scope.frame.build(), new ToHostNode(body,
            interactive ? null : source.getName(), interactive ? null : source.getCharacters().toString()), "script", whole);
    }

    /** The root of a local module: runs its top-level statements once, into its own namespace. */
    AdcRootNode moduleProgram(AdcParser.ProgramContext ctx) {
        scope = new Scope(null, true);
        List<AdcParser.StatementContext> stmts = ctx.statement();
        collectTopLevel(stmts);
        List<AdcNode> nodes = new ArrayList<>();
        for (AdcParser.StatementContext s : stmts) {
            if (s instanceof AdcParser.ParamStmtContext p) {
                error(p, "param declares a parameter of the recipe, not of a module",
                    "declare it in the recipe and pass it to the module's functions as an argument");
                continue;
            }
            AdcNode n = statement(s);
            if (n != null) {
                nodes.add(n);
            }
        }
        return new AdcRootNode(language, scope.frame.build(), new BlockNode(nodes.toArray(new AdcNode[0])), "module " + file,
            source.createSection(0, source.getLength()));
    }

    /** Top-level names declared anywhere in the file, so functions may refer to names defined later. */
    private void collectTopLevel(List<AdcParser.StatementContext> stmts) {
        for (AdcParser.StatementContext s : stmts) {
            if (s instanceof AdcParser.LetStmtContext l) {
                scriptGlobals.add(l.name.getText());
                if (l.VAR() == null) {
                    scriptConstants.add(l.name.getText());
                }
            } else if (s instanceof AdcParser.FnStmtContext f) {
                scriptGlobals.add(f.name.getText());
                recordSignature(f.name.getText(), f.params());
            } else if (s instanceof AdcParser.RecipeStmtContext r) {
                scriptGlobals.add(r.name.getText());
                recordSignature(r.name.getText(), r.params());
            } else if (s instanceof AdcParser.ParamStmtContext p) {
                scriptGlobals.add(p.name.getText());
            } else if (s instanceof AdcParser.ImportStmtContext i) {
                String alias = importAlias(i);
                scriptGlobals.add(alias);
                if (i.dottedName() != null && Stdlib.modules().containsKey(i.dottedName().getText())) {
                    imports.put(alias, i.dottedName().getText());
                }
            }
        }
    }

    private void recordSignature(String name, AdcParser.ParamsContext ps) {
        List<AdcParser.ParamContext> list = ps == null ? List.of() : ps.param();
        Dimension[] d = new Dimension[list.size()];
        String[] n = new String[list.size()];
        boolean[] req = new boolean[list.size()];
        for (int i = 0; i < list.size(); i++) {
            n[i] = list.get(i).name.getText();
            req[i] = list.get(i).expr() == null;
            if (list.get(i).unit() != null) {
                Unit u = unit(list.get(i).unit());
                d[i] = u == null ? null : u.dimension();
            }
        }
        userSigs.put(name, d);
        userParamNames.put(name, n);
        userRequired.put(name, req);
    }

    // ---------------------------------------------------------------- statements

    private AdcNode block(AdcParser.BlockContext ctx) {
        scope.blocks.push(new HashMap<>());
        try {
            List<AdcNode> nodes = new ArrayList<>();
            for (AdcParser.StatementContext s : ctx.statement()) {
                AdcNode n = statement(s);
                if (n != null) {
                    nodes.add(n);
                }
            }
            return at(new BlockNode(nodes.toArray(new AdcNode[0])), ctx);
        } finally {
            scope.blocks.pop();
        }
    }

    AdcNode statement(AdcParser.StatementContext s) {
        if (s instanceof AdcParser.ExprStmtContext e) {
            return expr(e.expr());
        }
        if (s instanceof AdcParser.LetStmtContext l) {
            return let(l);
        }
        if (s instanceof AdcParser.AssignStmtContext a) {
            return assign(a);
        }
        if (s instanceof AdcParser.IfStmtContext i) {
            AdcNode cond = expr(i.expr());
            AdcNode then = block(i.block(0));
            AdcNode els = null;
            if (i.elseBlock != null) {
                els = block(i.elseBlock);
            } else if (i.ifTail != null) {
                els = statement(i.ifTail);
            }
            return at(new IfNode(cond, then, els), i);
        }
        if (s instanceof AdcParser.WhileStmtContext w) {
            AdcNode cond = expr(w.expr());
            loopDepth++;
            AdcNode body = block(w.block());
            loopDepth--;
            return at(new WhileNode(cond, body), w);
        }
        if (s instanceof AdcParser.ForStmtContext f) {
            return forStmt(f);
        }
        if (s instanceof AdcParser.FnStmtContext f) {
            return functionDecl(f.name.getText(), f.params(), f.block(), null, false, f);
        }
        if (s instanceof AdcParser.RecipeStmtContext r) {
            return functionDecl(r.name.getText(), r.params(), r.block(0), r.fin, true, r);
        }
        if (s instanceof AdcParser.ReturnStmtContext r) {
            if (functionDepth == 0) {
                error(r, "return outside a function", "use return only inside fn, recipe or a lambda");
            }
            return at(new JumpNode(JumpNode.Kind.RETURN, r.expr() == null ? null : expr(r.expr())), r);
        }
        if (s instanceof AdcParser.BreakStmtContext b) {
            if (loopDepth == 0) {
                error(b, "break outside a loop", null);
            }
            return at(new JumpNode(JumpNode.Kind.BREAK, null), b);
        }
        if (s instanceof AdcParser.ContinueStmtContext c) {
            if (loopDepth == 0) {
                error(c, "continue outside a loop", null);
            }
            return at(new JumpNode(JumpNode.Kind.CONTINUE, null), c);
        }
        if (s instanceof AdcParser.TryStmtContext t) {
            return tryStmt(t);
        }
        if (s instanceof AdcParser.RaiseStmtContext r) {
            return at(new RaiseNode(expr(r.expr())), r);
        }
        if (s instanceof AdcParser.AssertStmtContext a) {
            AdcNode msg = a.message == null ? null : expr(a.message);
            return at(new AssertNode(expr(a.expr(0)), msg, a.expr(0).getText()), a);
        }
        if (s instanceof AdcParser.ImportStmtContext i) {
            if (i.path != null || !Stdlib.modules().containsKey(i.dottedName().getText()) && localModuleExists(i.dottedName().getText())) {
                return importLocal(i);
            }
            String mod = i.dottedName().getText();
            String alias = i.alias != null ? i.alias.getText() : mod;
            if (!Stdlib.modules().containsKey(mod)) {
                error(i.dottedName(), "no module named '" + mod + "'", "available modules: " + String.join(", ", Stdlib.modules().keySet())
                    + "; a local module is a file beside the recipe: import \"" + mod + ".adc\" as " + mod.replace('.', '_'));
            }
            imports.put(alias, mod);
            declaredGlobals.add(alias);
            return at(new ImportNode(mod, global(alias)), i);
        }
        if (s instanceof AdcParser.ParamStmtContext p) {
            return param(p);
        }
        if (s instanceof AdcParser.ParallelStmtContext p) {
            return at(new ParallelNode(block(p.block())), p);
        }
        if (s instanceof AdcParser.HoldStmtContext h) {
            AdcNode duration = null;
            if (h.duration != null) {
                duration = expr(h.duration);
                expectDim(duration, Dimension.TIME, h.duration, "hold duration");
            }
            AdcNode until = h.cond == null ? null : function("until", null, null, h.cond, null, false, h.cond);
            AdcNode holdback = null;
            AdcNode every = null;
            if (h.namedArgs() != null) {
                for (AdcParser.NamedArgContext na : h.namedArgs().namedArg()) {
                    String opt = na.argName().getText();
                    AdcNode v = expr(na.expr());
                    if (opt.equals("holdback")) {
                        expectDim(v, Dimension.TEMPERATURE, na.expr(), "holdback");
                        holdback = v;
                    } else if (opt.equals("every")) {
                        expectDim(v, Dimension.TIME, na.expr(), "every");
                        every = v;
                    } else {
                        error(na.argName(), "hold has no option '" + opt + "'", "options: holdback (a temperature band), every (check interval)");
                    }
                }
            }
            if (duration == null && until == null) {
                error(h, "hold needs a duration or an until condition", "write hold 30 min, or hold until smu.current < 1.5 uA");
            }
            return at(new HoldNode(duration, until, holdback, every), h);
        }
        if (s instanceof AdcParser.LimitStmtContext l) {
            AdcNode cond = function("limit", null, null, l.expr(0), null, false, l.expr(0));
            AdcNode msg = l.message == null ? null : expr(l.message);
            return at(new LimitNode(cond, msg, sourceText(l.expr(0))), l);
        }
        error(s, "unsupported statement", null);
        return null;
    }

    private void expectDim(AdcNode n, Dimension want, ParserRuleContext ctx, String what) {
        Dimension d = dim(n);
        if (d != null && !d.equals(want)) {
            error(ctx, what + " must be " + want.name() + ", got " + d.name(), "write it with a unit of " + want.name());
        }
    }

    private AdcNode let(AdcParser.LetStmtContext l) {
        String name = l.name.getText();
        boolean mutable = l.VAR() != null;
        AdcNode value = expr(l.expr());
        Dimension d = dim(value);
        String shown = units.get(value);
        if (l.unit() != null) {
            Unit u = unit(l.unit());
            if (u != null) {
                shown = u.symbol();
                if (d != null && !d.equals(u.dimension())) {
                    error(l.expr(), "'" + name + "' is declared as " + u.dimension().name() + " (" + u.symbol() + ") but its value is " + d.name(),
                        "give a value in units of " + u.dimension().name());
                }
                d = u.dimension();
            }
        }
        declared(l.name, d, shown);
        checkUnitLikeName(l.name);
        if (scope.atTopLevel()) {
            declaredGlobals.add(name);
            deviceKinds.remove(name);
            globalShapes.remove(name);
            if (!mutable) {
                String kind = deviceKind(l.expr());
                if (kind != null) {
                    deviceKinds.put(name, kind);
                }
                Shape shape = shape(l.expr(), value);
                if (shape != null) {
                    globalShapes.put(name, shape);
                }
            }
            if (d != null) {
                globalDims.put(name, d);
            } else {
                globalDims.remove(name);
            }
            if (shown != null) {
                globalUnits.put(name, shown);
            } else {
                globalUnits.remove(name);
            }
            return at(new WriteGlobalNode(global(name), value, true, mutable), l);
        }
        if (scope.declaredInInnermostBlock(name)) {
            error(l.name, l.name, "'" + name + "' is already declared in this block", "assign with " + name + " = ... or choose another name");
        }
        Scope.Local local = scope.declare(name, mutable, d);
        if (shown != null) {
            localUnits.put(local, shown);
        }
        Shape localShape = mutable ? null : shape(l.expr(), value);
        if (localShape != null) {
            localShapes.put(local, localShape);
        }
        return at(WriteLocalNodeGen.create(value, local.slot()), l);
    }

    private AdcNode param(AdcParser.ParamStmtContext p) {
        String name = p.name.getText();
        if (!scope.atTopLevel()) {
            error(p, "param must be declared at the top level of a recipe file", null);
        }
        // `param x = 450 degC in 300 degC .. 460 degC` parses as an `in` expression: split it
        AdcParser.ExprContext defCtx = p.expr(0);
        AdcParser.ExprContext rangeCtx = p.range;
        if (rangeCtx == null && defCtx instanceof AdcParser.InExprContext in && in.NOT() == null) {
            defCtx = in.expr(0);
            rangeCtx = in.expr(1);
        }
        AdcNode def = expr(defCtx);
        Dimension d = dim(def);
        String shown = units.get(def);
        if (p.unit() != null) {
            Unit u = unit(p.unit());
            if (u != null) {
                shown = u.symbol();
            }
            if (u != null && d != null && !d.equals(u.dimension())) {
                error(defCtx, "parameter '" + name + "' is declared as " + u.dimension().name() + " but its default is " + d.name(), null);
            }
        }
        if (d != null) {
            globalDims.put(name, d);
        }
        if (shown != null) {
            globalUnits.put(name, shown);
        }
        declared(p.name, d, shown);
        checkUnitLikeName(p.name);
        declaredGlobals.add(name);
        AdcNode range = null;
        if (rangeCtx != null) {
            if (rangeCtx instanceof AdcParser.RangeExprContext r && r.expr().size() == 2) {
                AdcNode lo = expr(r.expr(0));
                AdcNode hi = expr(r.expr(1));
                checkSame(d, dim(lo), r.expr(0), "the range of parameter '" + name + "'");
                checkSame(d, dim(hi), r.expr(1), "the range of parameter '" + name + "'");
                range = new ParamNode.BoundsNode(lo, hi);
            } else {
                range = expr(rangeCtx);
            }
        }
        return at(new ParamNode(name, def, range), p);
    }

    private void checkSame(Dimension expected, Dimension got, ParserRuleContext ctx, String what) {
        if (expected != null && got != null && !expected.equals(got)) {
            error(ctx, what + " must be " + expected.name() + ", got " + got.name(), null);
        }
    }

    private AdcNode assign(AdcParser.AssignStmtContext a) {
        AdcParser.PostfixContext target = a.target;
        AdcNode rhs = expr(a.expr());
        int op = a.op.getType();
        if (target instanceof AdcParser.PrimaryPostfixContext pp && pp.primary() instanceof AdcParser.NameRefContext nr) {
            String name = nr.getText();
            if (op != AdcLexer.ASSIGN) {
                AdcNode current = readName(name, nr.IDENT().getSymbol());
                rhs = compound(op, current, rhs, a);
            }
            return at(writeName(name, rhs, nr.IDENT().getSymbol()), a);
        }
        if (target instanceof AdcParser.IndexPostfixContext ip) {
            AdcNode recv = postfix(ip.postfix());
            AdcNode idx = expr(ip.expr());
            if (op != AdcLexer.ASSIGN) {
                rhs = compound(op, at(new IndexNode(recv, idx), ip), rhs, a);
                recv = postfix(ip.postfix());
                idx = expr(ip.expr());
            }
            return at(new AssignIndexNode(recv, idx, rhs), a);
        }
        if (target instanceof AdcParser.MemberPostfixContext mp) {
            error(a.target, "cannot assign to a member: records are immutable", "make a changed copy with r.with(" + mp.memberName().getText() + " = ...)");
            return null;
        }
        error(a.target, "cannot assign to this expression", "assign to a variable, a list element or a map entry");
        return null;
    }

    private AdcNode compound(int op, AdcNode current, AdcNode rhs, ParserRuleContext ctx) {
        switch (op) {
            case AdcLexer.PLUS_EQ:
                checkAddable(current, rhs, ctx, "+");
                return at(withDim(AddNodeGen.create(current, rhs), dim(current)), ctx);
            case AdcLexer.MINUS_EQ:
                checkAddable(current, rhs, ctx, "-");
                return at(withDim(SubNodeGen.create(current, rhs), dim(current)), ctx);
            case AdcLexer.STAR_EQ:
                return at(MulNodeGen.create(current, rhs), ctx);
            default:
                return at(DivNodeGen.create(current, rhs), ctx);
        }
    }

    private AdcNode writeName(String name, AdcNode value, Token tok) {
        Scope s = scope;
        int depth = 0;
        while (s != null) {
            Scope.Local l = s.lookupHere(name);
            if (l != null) {
                if (!l.mutable()) {
                    error(tok, tok, "cannot assign to '" + name + "': it was declared with let", "declare it with var to make it assignable");
                }
                checkAssignDim(l.dim(), value, tok, name);
                return depth == 0 ? WriteLocalNodeGen.create(value, l.slot()) : new WriteCapturedNode(depth, l.slot(), value);
            }
            s = s.parent;
            depth++;
        }
        checkAssignDim(globalDims.get(name), value, tok, name);
        if (!interactive && (scriptConstants.contains(name) || (!scriptGlobals.contains(name) && knownGlobals.contains(name)))) {
            error(tok, tok, "cannot assign to '" + name + "': it is a constant", scriptConstants.contains(name)
                ? "declare it with var to make it assignable" : "'" + name + "' is a library name; choose another variable name");
        }
        if (!isKnownGlobal(name)) {
            error(tok, tok, "unknown name '" + name + "'", "declare it first with var " + name + " = ...");
        }
        return new WriteGlobalNode(global(name), value, false, true);
    }

    private void checkAssignDim(Dimension declared, AdcNode value, Token tok, String name) {
        Dimension d = dim(value);
        if (declared != null && d != null && !declared.equals(d)) {
            error(tok, tok, "'" + name + "' holds " + declared.name() + " but is assigned " + d.name(), "assign a value of the same dimension");
        }
    }

    private AdcNode forStmt(AdcParser.ForStmtContext f) {
        AdcNode iterable = expr(f.expr());
        scope.blocks.push(new HashMap<>());
        try {
            Dimension elem = null;
            if (f.expr() instanceof AdcParser.RangeExprContext) {
                elem = dim(iterable);
            }
            checkUnitLikeName(f.first);
            if (f.second != null) {
                checkUnitLikeName(f.second);
            }
            Scope.Local v = scope.declare(f.first.getText(), true, f.second == null ? elem : Dimension.NONE);
            Shape rows = shapes.get(iterable);
            if (rows != null && rows.rowFields() != null && f.second == null) {
                // for r in table("barriers.csv"): each r is a row with the CSV's columns
                localShapes.put(v, record(rows.rowFields()));
            }
            if (f.second == null && units.get(iterable) != null) {
                localUnits.put(v, units.get(iterable));
            }
            declared(f.first, f.second == null ? elem : Dimension.NONE, f.second == null ? units.get(iterable) : null);
            int second = -1;
            if (f.second != null) {
                second = scope.declare(f.second.getText(), true, null).slot();
            }
            int counter = scope.newSlot("(counter)");
            int end = scope.newSlot("(end)");
            int step = scope.newSlot("(step)");
            int iter = scope.newSlot("(iterator)");
            loopDepth++;
            AdcNode body = block(f.block());
            loopDepth--;
            return at(new ForRangeNode(iterable, body, v.slot(), second, counter, end, step, iter), f);
        } finally {
            scope.blocks.pop();
        }
    }

    private AdcNode tryStmt(AdcParser.TryStmtContext t) {
        AdcNode body = block(t.body);
        AdcNode handler = null;
        AdcNode bind = null;
        int errorSlot = -1;
        if (t.handler != null) {
            scope.blocks.push(new HashMap<>());
            try {
                if (t.errName != null) {
                    errorSlot = scope.newSlot("(error)");
                    Scope.Local l = scope.declare(t.errName.getText(), false, null);
                    bind = WriteLocalNodeGen.create(ReadLocalNodeGen.create(errorSlot), l.slot());
                }
                handler = block(t.handler);
            } finally {
                scope.blocks.pop();
            }
        }
        AdcNode fin = t.fin == null ? null : block(t.fin);
        return at(new TryNode(body, handler, bind, errorSlot, fin), t);
    }

    private AdcNode functionDecl(String name, AdcParser.ParamsContext ps, AdcParser.BlockContext body, AdcParser.BlockContext fin,
                                 boolean recipe, ParserRuleContext ctx) {
        boolean top = scope.atTopLevel();
        if (!top && scope.declaredInInnermostBlock(name)) {
            error(ctx, "'" + name + "' is already declared in this block", null);
        }
        Scope.Local local = top ? null : scope.declare(name, false, null);
        AdcNode def = function(name, ps, body, null, fin, recipe, ctx);
        if (top) {
            declaredGlobals.add(name);
            return at(new WriteGlobalNode(global(name), def, true, false), ctx);
        }
        return at(WriteLocalNodeGen.create(def, local.slot()), ctx);
    }

    /** Builds a function's root and the node that makes the function value. */
    private AdcNode function(String name, AdcParser.ParamsContext ps, AdcParser.BlockContext body, AdcParser.ExprContext exprBody,
                             AdcParser.BlockContext fin, boolean recipe, ParserRuleContext ctx) {
        List<AdcParser.ParamContext> list = ps == null ? List.of() : ps.param();
        String[] names = new String[list.size()];
        Dimension[] pdims = new Dimension[list.size()];
        String[] punits = new String[list.size()];
        AdcNode[] defaults = new AdcNode[list.size()];
        for (int i = 0; i < list.size(); i++) {
            AdcParser.ParamContext p = list.get(i);
            names[i] = p.name.getText();
            checkUnitLikeName(p.name);
            if (p.unit() != null) {
                Unit u = unit(p.unit());
                pdims[i] = u == null ? null : u.dimension();
                punits[i] = u == null ? null : u.symbol();
                declared(p.name, pdims[i], punits[i]);
            }
            if (p.expr() != null) {
                defaults[i] = expr(p.expr());
                if (pdims[i] != null) {
                    checkSame(pdims[i], dim(defaults[i]), p.expr(), "the default of '" + names[i] + "'");
                }
            }
            for (int j = 0; j < i; j++) {
                if (names[j].equals(names[i])) {
                    error(p, "parameter '" + names[i] + "' appears twice", null);
                }
            }
        }
        boolean captures = !scope.atTopLevel();
        Scope outer = scope;
        scope = new Scope(outer, false);
        functionDepth++;
        int savedLoops = loopDepth;
        loopDepth = 0;
        try {
            List<AdcNode> prologue = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                Scope.Local l = scope.declare(names[i], true, pdims[i]);
                if (punits[i] != null) {
                    localUnits.put(l, punits[i]);
                }
                AdcNode arg = new ReadArgumentNode(i + 1);
                if (pdims[i] != null) {
                    arg = at(new CheckArgumentNode(arg, pdims[i], name, names[i], i), list.get(i));
                }
                prologue.add(WriteLocalNodeGen.create(arg, l.slot()));
            }
            AdcNode b = exprBody != null ? expr(exprBody) : block(body);
            if (fin != null) {
                b = at(new TryNode(b, null, null, -1, block(fin)), fin);
            }
            AdcNode fbody = new FunctionBodyNode(b, exprBody != null);
            prologue.add(fbody);
            AdcNode all = new BlockNode(prologue.toArray(new AdcNode[0]));
            AdcRootNode root = new AdcRootNode(language, scope.frame.build(), all, name, section(ctx));
            RootCallTarget target = root.getCallTarget();
            return at(new FunctionDefNode(name, target, names, pdims, defaults, captures, recipe), ctx);
        } finally {
            scope = outer;
            functionDepth--;
            loopDepth = savedLoops;
        }
    }

    // ---------------------------------------------------------------- names

    private boolean isKnownGlobal(String name) {
        return scriptGlobals.contains(name) || knownGlobals.contains(name) || interactive;
    }

    private AdcNode readName(String name, Token tok) {
        Scope s = scope;
        int depth = 0;
        while (s != null) {
            Scope.Local l = s.lookupHere(name);
            if (l != null) {
                AdcNode n = depth == 0 ? ReadLocalNodeGen.create(l.slot()) : new ReadCapturedNode(depth, l.slot());
                if (localShapes.get(l) != null) {
                    shapes.put(n, localShapes.get(l));
                }
                return at(withUnit(withDim(n, l.dim()), localUnits.get(l)), tok);
            }
            s = s.parent;
            depth++;
        }
        if (!isKnownGlobal(name)) {
            String near = nearestName(name);
            String hint = Stdlib.modules().containsKey(name) ? "'" + name + "' is a module: add `import " + name + "` at the top"
                : PYTHON_NAMES.containsKey(name) ? PYTHON_NAMES.get(name)
                : near != null ? "did you mean '" + near + "'?" : "declare it with let or var before use, or check the spelling";
            error(tok, tok, "unknown name '" + name + "'", hint);
        }
        AdcNode n = at(withUnit(new ReadGlobalNode(global(name)), globalUnits.get(name)), tok);
        if (globalShapes.get(name) != null && declaredGlobals.contains(name)) {
            shapes.put(n, globalShapes.get(name));
        }
        Dimension d = globalDims.get(name);
        if (d == null && !scriptGlobals.contains(name)) {
            Object lib = libraryGlobal(name);
            if (lib instanceof Quantity q) {
                d = q.dimension();
            }
        }
        return withDim(n, d);
    }

    /** Methods every record has besides its fields. */
    private static final Set<String> RECORD_METHODS = Set.of("with");

    /** Python names a newcomer writes, with the adc form. */
    private static final Map<String, String> PYTHON_NAMES = Map.of(
        "True", "adc writes true (lower case)",
        "False", "adc writes false (lower case)",
        "None", "adc writes none (lower case)",
        "range", "adc writes ranges as 0 ..< n (n excluded) or 1 .. n (n included)",
        "elif", "adc writes else if",
        "def", "adc declares functions with fn name(x) { ... }");

    /** The visible name closest to {@code name} (edit distance at most 2), or null. */
    private String nearestName(String name) {
        Set<String> names = new HashSet<>(scriptGlobals);
        names.addAll(knownGlobals);
        for (Scope s = scope; s != null; s = s.parent) {
            for (Map<String, Scope.Local> b : s.blocks) {
                names.addAll(b.keySet());
            }
        }
        String best = null;
        int bestD = name.length() <= 4 ? 2 : 3;
        for (String n : names) {
            int d = org.adc.lang.Spelling.distance(name, n);
            if (d < bestD || d == bestD && best != null && n.compareTo(best) < 0) {
                bestD = d;
                best = n;
            }
        }
        return best;
    }


    private static Object libraryGlobal(String name) {
        for (Module m : CoreBuiltins.modules()) {
            Object v = m.member(name);
            if (v != null) {
                return v;
            }
        }
        return libraryGlobals().get(name);
    }

    private static volatile Map<String, Object> libraryGlobals;

    /** {@link Stdlib#globals()}, built once (it assembles a new map on every call). */
    private static Map<String, Object> libraryGlobals() {
        Map<String, Object> g = libraryGlobals;
        if (g == null) {
            g = Stdlib.globals();
            libraryGlobals = g;
        }
        return g;
    }

    /** The library function a call expression refers to, when it is known at parse time. */
    private NativeFunction staticCallee(AdcNode fn) {
        if (fn instanceof ReadGlobalNode g && !scriptGlobals.contains(unprefixed(g.name()))) {
            return libraryGlobal(g.name()) instanceof NativeFunction nf ? nf : null;
        }
        if (fn instanceof MemberNode m && m.receiver() instanceof ReadGlobalNode g && imports.containsKey(unprefixed(g.name()))) {
            Module mod = Stdlib.modules().get(imports.get(unprefixed(g.name())));
            return mod != null && mod.member(m.name()) instanceof NativeFunction nf ? nf : null;
        }
        return null;
    }

    // ---------------------------------------------------------------- expressions

    AdcNode expr(AdcParser.ExprContext e) {
        if (e instanceof AdcParser.PostfixExprContext p) {
            return postfix(p.postfix());
        }
        if (e instanceof AdcParser.AddExprContext a) {
            AdcNode l = expr(a.expr(0));
            AdcNode r = expr(a.expr(1));
            String op = a.op.getText();
            checkAddable(l, r, a, op);
            boolean bothAbsolute = isAbsoluteTemperature(l) && isAbsoluteTemperature(r);
            if (bothAbsolute && op.equals("+")) {
                error(a, "cannot add two absolute temperatures (" + sourceText(a.expr(0)) + " + " + sourceText(a.expr(1)) + ")",
                    "a temperature step is a difference: write it in K (e.g. 20 K), or subtract to get a difference");
            }
            AdcNode n = op.equals("+") ? AddNodeGen.create(l, r) : SubNodeGen.create(l, r);
            Dimension d = dim(l) != null ? dim(l) : dim(r);
            // absolute − absolute is a difference in K
            String unit = bothAbsolute ? "K" : units.get(l) != null ? units.get(l) : units.get(r);
            return at(withUnit(withDim(n, d), unit), a);
        }
        if (e instanceof AdcParser.MulExprContext m) {
            AdcNode l = expr(m.expr(0));
            AdcNode r = expr(m.expr(1));
            Dimension dl = dim(l);
            Dimension dr = dim(r);
            switch (m.op.getType()) {
                case AdcLexer.STAR:
                    return at(withDim(MulNodeGen.create(l, r), dl != null && dr != null ? dl.times(dr) : null), m);
                case AdcLexer.SLASH:
                    return at(withDim(DivNodeGen.create(l, r), dl != null && dr != null ? dl.divide(dr) : null), m);
                case AdcLexer.DSLASH:
                    return at(withDim(FloorDivNodeGen.create(l, r), Dimension.NONE), m);
                default:
                    return at(withDim(ModNodeGen.create(l, r), dl), m);
            }
        }
        if (e instanceof AdcParser.UnaryExprContext u) {
            AdcNode v = expr(u.expr());
            if (u.op.getType() == AdcLexer.PLUS) {
                return v;
            }
            if (u.expr() instanceof AdcParser.PostfixExprContext pe && pe.postfix() instanceof AdcParser.PrimaryPostfixContext pp
                && pp.primary() instanceof AdcParser.QuantityLitContext q && q.unit() != null && !hasVariableTail(q)) {
                // -20 degC is the temperature -20 degC, not the negation of 253.15 K
                Object lit = v.executeGeneric(null);
                if (lit instanceof Quantity qv) {
                    Quantity neg = Quantity.of(-qv.value(), qv.unit());
                    return at(withDim(new LiteralNode(neg), qv.dimension()), u);
                }
            }
            if (v instanceof LongLiteralNode || v instanceof DoubleLiteralNode) {
                // fold negative literals so -5 is a constant
                Object c = v.executeGeneric(null);
                return at(withDim(c instanceof Long x ? new LongLiteralNode(-x) : new DoubleLiteralNode(-(Double) c), Dimension.NONE), u);
            }
            return at(withDim(NegNodeGen.create(v), dim(v)), u);
        }
        if (e instanceof AdcParser.CompareExprContext c) {
            AdcNode l = expr(c.expr(0));
            AdcNode r = expr(c.expr(1));
            String op = c.op.getText();
            Dimension dl = dim(l);
            Dimension dr = dim(r);
            if (dl != null && dr != null && !dl.equals(dr) && !op.equals("==") && !op.equals("!=")) {
                error(c, "cannot compare " + dl.name() + " with " + dr.name(), "both sides of " + op + " must have the same dimension");
            }
            AdcNode n;
            switch (c.op.getType()) {
                case AdcLexer.LT -> n = LessThanNodeGen.create(l, r);
                case AdcLexer.LE -> n = LessOrEqualNodeGen.create(l, r);
                case AdcLexer.GT -> n = GreaterThanNodeGen.create(l, r);
                case AdcLexer.GE -> n = GreaterOrEqualNodeGen.create(l, r);
                case AdcLexer.EQ -> n = EqualNodeGen.create(l, r);
                default -> n = new NotNode(at(EqualNodeGen.create(l, r), c));
            }
            return at(n, c);
        }
        if (e instanceof AdcParser.AndExprContext a) {
            return at(new AndNode(expr(a.expr(0)), expr(a.expr(1))), a);
        }
        if (e instanceof AdcParser.OrExprContext o) {
            return at(new OrNode(expr(o.expr(0)), expr(o.expr(1))), o);
        }
        if (e instanceof AdcParser.NotExprContext n) {
            return at(new NotNode(expr(n.expr())), n);
        }
        if (e instanceof AdcParser.InExprContext i) {
            return at(new InNode(expr(i.expr(0)), expr(i.expr(1)), i.NOT() != null), i);
        }
        if (e instanceof AdcParser.ConvertExprContext c) {
            AdcNode v = expr(c.expr());
            Unit u = unitSpec(c.unitSpec());
            if (u == null) {
                return v;
            }
            Dimension d = dim(v);
            if (d != null && !d.equals(u.dimension()) && d.amountOffset(u.dimension()) == null) {
                try {
                    Quantity.ofSi(1, Units.siUnit(d)).to(u);
                } catch (UnitException ex) {
                    error(c, ex.getMessage(), ex.hint());
                }
            }
            return at(withUnit(withDim(new ConvertNode(v, u), u.dimension()), u.symbol()), c);
        }
        if (e instanceof AdcParser.RangeExprContext r) {
            AdcNode a = expr(r.expr(0));
            AdcNode b = expr(r.expr(1));
            AdcNode st = r.expr().size() > 2 ? expr(r.expr(2)) : null;
            Dimension d = dim(a);
            checkSame(d, dim(b), r.expr(1), "the end of the range");
            if (st != null) {
                checkSame(d, dim(st), r.expr(2), "the step of the range");
            }
            return at(withUnit(withDim(new RangeNode(a, b, st, r.op.getType() == AdcLexer.DOTDOT), d), units.get(a)), r);
        }
        if (e instanceof AdcParser.LambdaExprContext l) {
            return function("lambda", l.params(), l.block(), l.body, null, false, l);
        }
        error(e, "unsupported expression", null);
        return new LiteralNode(None.INSTANCE);
    }

    /** The device kind an expression makes ({@code furnace(...)}, {@code lab.smu(...)}), or null. */
    private static String deviceKind(AdcParser.ExprContext e) {
        if (e instanceof AdcParser.PostfixExprContext pe && pe.postfix() instanceof AdcParser.CallPostfixContext c) {
            String callee = c.postfix().getText();
            String kind = callee.substring(callee.lastIndexOf('.') + 1);
            return org.adc.lsp.StdlibIndex.get().devices().containsKey(kind) ? kind : null;
        }
        return null;
    }

    /** The shape of a value: a record literal ({a: 1, b: 2}), a table("literal.csv"), or what the built node carries; else null. */
    private Shape shape(AdcParser.ExprContext e, AdcNode built) {
        if (e instanceof AdcParser.PostfixExprContext pe && pe.postfix() instanceof AdcParser.PrimaryPostfixContext pp
            && pp.primary() instanceof AdcParser.MapLitContext m && m.entry().stream().allMatch(x -> x.key.fieldName() != null)) {
            List<String> names = new ArrayList<>();
            m.entry().forEach(x -> names.add(x.key.getText()));
            return record(names);
        }
        if (e instanceof AdcParser.PostfixExprContext pe && pe.postfix() instanceof AdcParser.CallPostfixContext c
            && c.postfix().getText().equals("table") && c.args() != null && c.args().arg().size() == 1 && c.args().arg(0).argName() == null
            && c.args().arg(0).expr() instanceof AdcParser.PostfixExprContext ae && ae.postfix() instanceof AdcParser.PrimaryPostfixContext ap
            && ap.primary() instanceof AdcParser.StringLitContext sl && sl.string().STR_END() != null
            && sl.string().stringPart().stream().allMatch(x -> x instanceof AdcParser.StrTextContext) && !scriptGlobals.contains("table")) {
            return tableShape(stringText(sl.string()));
        }
        return built == null ? null : shapes.get(built);
    }

    private static Shape record(List<String> fields) {
        List<String> members = new ArrayList<>(fields);
        members.addAll(RECORD_METHODS);
        return new Shape("record", members, null);
    }

    /** The shape of a table read from a CSV file in the recipe's folder: its header, read through the sandbox; null when unreadable. */
    private Shape tableShape(String path) {
        try {
            org.adc.AdcContext c = org.adc.AdcContext.get(null);
            if (c.env().scriptDir() == null) {
                return null;
            }
            com.oracle.truffle.api.TruffleFile f = c.truffleEnv().getPublicTruffleFile(c.env().scriptDir()).resolve(resolveImport(path));
            String header;
            try (java.io.BufferedReader r = f.newBufferedReader(java.nio.charset.StandardCharsets.UTF_8)) {
                header = r.readLine();
            }
            if (header == null) {
                return null;
            }
            org.adc.table.Table t = org.adc.table.CsvReader.read(path, new java.io.BufferedReader(new java.io.StringReader(header + "\n")));
            List<String> cols = new ArrayList<>();
            t.columns().forEach(col -> cols.add(col.name()));
            return new Shape("table", t.memberNames(), cols);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when the source writes the value in an absolute temperature unit (degC, °C, degF, °F). */
    private boolean isAbsoluteTemperature(AdcNode n) {
        String u = units.get(n);
        return u != null && (u.equals("degC") || u.equals("°C") || u.equals("degF") || u.equals("°F"));
    }

    private void checkAddable(AdcNode l, AdcNode r, ParserRuleContext ctx, String op) {
        Dimension dl = dim(l);
        Dimension dr = dim(r);
        if (dl != null && dr != null && !dl.equals(dr)) {
            String hint = dl.amountOffset(dr) != null ? "one side is molar, the other per particle: convert one with `to`"
                : "both sides of " + op + " must have the same dimension";
            error(ctx, "cannot " + (op.equals("+") ? "add " + dr.name() + " to " + dl.name() : "subtract " + dr.name() + " from " + dl.name()), hint);
        }
    }

    AdcNode postfix(AdcParser.PostfixContext p) {
        // Collect the postfix operations down to the primary. When the primary is a quantity
        // literal whose unit ends in variables (1e13 Hz * exp(...)), the operations belong to the
        // last variable, not to the whole literal.
        List<AdcParser.PostfixContext> chain = new ArrayList<>();
        AdcParser.PostfixContext cur = p;
        while (!(cur instanceof AdcParser.PrimaryPostfixContext)) {
            chain.add(0, cur);
            cur = innerOf(cur);
        }
        AdcParser.PrimaryContext prim = ((AdcParser.PrimaryPostfixContext) cur).primary();
        if (prim instanceof AdcParser.QuantityLitContext q && hasVariableTail(q)) {
            return quantityLiteral(q, chain);
        }
        AdcNode node = primary(prim);
        for (AdcParser.PostfixContext op : chain) {
            node = applyPostfix(op, node);
        }
        return node;
    }

    private static AdcParser.PostfixContext innerOf(AdcParser.PostfixContext p) {
        if (p instanceof AdcParser.MemberPostfixContext m) {
            return m.postfix();
        }
        if (p instanceof AdcParser.IndexPostfixContext i) {
            return i.postfix();
        }
        if (p instanceof AdcParser.PowPostfixContext pw) {
            return pw.postfix();
        }
        return ((AdcParser.CallPostfixContext) p).postfix();
    }

    private boolean hasVariableTail(AdcParser.QuantityLitContext q) {
        if (q.unit() == null) {
            return false;
        }
        List<AdcParser.UnitTermContext> terms = q.unit().unitTerm();
        if (terms.isEmpty() || !isUnitTerm(terms.get(0))) {
            return false;
        }
        for (AdcParser.UnitTermContext t : terms) {
            if (!isUnitTerm(t)) {
                return true;
            }
        }
        return false;
    }

    /** Applies one postfix operation (member, index, power, call) to an already built base. */
    private AdcNode applyPostfix(AdcParser.PostfixContext p, AdcNode recv) {
        if (p instanceof AdcParser.MemberPostfixContext m) {
            String name = m.memberName().getText();
            AdcNode n = at(new MemberNode(recv, name), m);
            Shape sh = shapes.get(recv);
            if (sh != null && !sh.members().contains(name)) {
                List<String> fields = new ArrayList<>(sh.members());
                fields.removeAll(RECORD_METHODS);
                String near = null;
                int best = 3;
                for (String f : fields) {
                    int dist = org.adc.lang.Spelling.distance(name, f);
                    if (dist < best) {
                        best = dist;
                        near = f;
                    }
                }
                boolean table = sh.what().equals("table");
                String list = (table ? "its operations: " : "its fields: ") + String.join(", ", fields)
                    + (table ? "; a row's fields are the CSV's columns: " + String.join(", ", sh.rowFields()) : "");
                error(m.memberName(), sh.what() + " '" + sourceText(m.postfix()) + "' has no " + (table ? "member" : "field") + " '" + name + "'",
                    near != null ? "did you mean '" + near + "'? " + list : list);
            }
            if (recv instanceof ReadGlobalNode lg && localModules.containsKey(unprefixed(lg.name()))) {
                LocalModule lm = localModules.get(unprefixed(lg.name()));
                if (!lm.exported().contains(name)) {
                    String near = null;
                    for (String c : lm.exported()) {
                        if (org.adc.lang.Spelling.distance(name, c) <= 2) {
                            near = c;
                        }
                    }
                    error(m.memberName(), "module " + lm.name() + " (" + lm.file() + ") has no member '" + name + "'",
                        name.startsWith("_") ? "names starting with _ are private to their module"
                            : near != null ? "did you mean '" + near + "'?" : "members: " + String.join(", ", lm.exported()));
                } else if (lm.builder().globalDims.get(name) != null) {
                    withDim(n, lm.builder().globalDims.get(name));
                }
            }
            if (recv instanceof ReadGlobalNode g && imports.containsKey(unprefixed(g.name()))) {
                Module mod = Stdlib.modules().get(imports.get(unprefixed(g.name())));
                if (mod != null && mod.member(name) == null) {
                    error(m.memberName(), "module " + mod.name() + " has no member '" + name + "'",
                        "members: " + String.join(", ", mod.memberNames()));
                } else if (mod != null && mod.member(name) instanceof Quantity q) {
                    withDim(n, q.dimension());
                }
            }
            return n;
        }
        if (p instanceof AdcParser.IndexPostfixContext i) {
            AdcNode n = at(new IndexNode(recv, expr(i.expr())), i);
            Shape rows = shapes.get(recv);
            if (rows != null && rows.rowFields() != null) {
                shapes.put(n, record(rows.rowFields()));
            }
            return n;
        }
        if (p instanceof AdcParser.PowPostfixContext pw) {
            AdcNode base = recv;
            AdcParser.PowerOperandContext po = pw.powerOperand();
            AdcNode exp = postfix(po.postfix());
            if (po.MINUS() != null) {
                exp = at(NegNodeGen.create(exp), po);
            }
            Dimension d = null;
            Dimension db = dim(base);
            if (db != null) {
                if (db.isNone()) {
                    d = Dimension.NONE;
                } else if (po.postfix() instanceof AdcParser.PrimaryPostfixContext ppp && ppp.primary() instanceof AdcParser.QuantityLitContext q
                    && q.unit() == null && q.number().INT() != null) {
                    Integer k = smallInt(q.number().getText());
                    d = k == null ? null : db.pow(po.MINUS() != null ? -k : k);
                }
            }
            return at(withDim(PowNodeGen.create(base, exp), d), pw);
        }
        return call((AdcParser.CallPostfixContext) p, recv);
    }

    private AdcNode call(AdcParser.CallPostfixContext c, AdcNode fn) {
        List<AdcNode> pos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<AdcNode> named = new ArrayList<>();
        List<ParserRuleContext> posCtx = new ArrayList<>();
        List<ParserRuleContext> namedCtx = new ArrayList<>();
        if (c.args() != null) {
            for (AdcParser.ArgContext a : c.args().arg()) {
                AdcNode v = expr(a.expr());
                if (a.argName() != null) {
                    String n = a.argName().getText();
                    if (names.contains(n)) {
                        error(a, "argument '" + n + "' given twice", null);
                    }
                    names.add(n);
                    named.add(v);
                    namedCtx.add(a);
                } else {
                    if (!named.isEmpty()) {
                        error(a, "positional argument after a named one", "put positional arguments first");
                    }
                    pos.add(v);
                    posCtx.add(a);
                }
            }
        }
        AdcNode n = at(new CallNode(fn, pos.toArray(new AdcNode[0]), names.toArray(new String[0]), named.toArray(new AdcNode[0])), c);
        NativeFunction nf = staticCallee(fn);
        if (nf == null && fn instanceof MemberNode dm && dm.receiver() instanceof ReadGlobalNode dg && deviceKinds.containsKey(unprefixed(dg.name()))) {
            // an operation of a lab device: its named arguments and units, as for a library function
            String kind = deviceKinds.get(unprefixed(dg.name()));
            org.adc.lang.HasMembers dev = org.adc.lsp.StdlibIndex.get().devices().get(kind);
            if (dev != null && dev.member(dm.name()) instanceof NativeFunction op) {
                checkLibraryCall(op, pos, posCtx, names, named, namedCtx, c);
            } else if (dev != null && dev.member(dm.name()) == null) {
                String near = null;
                for (String op : dev.memberNames()) {
                    if (org.adc.lang.Spelling.distance(dm.name(), op) <= 2) {
                        near = op;
                    }
                }
                error(c, "a " + kind + " has no operation '" + dm.name() + "'", (near != null ? "did you mean '" + near + "'? " : "")
                    + "operations: " + String.join(", ", dev.memberNames()));
            }
        }
        if (nf != null) {
            checkLibraryCall(nf, pos, posCtx, names, named, namedCtx, c);
            String r = nf.returns();
            Dimension d = Dimension.byName(r);
            if (d == null && (r.equals("number") || r.equals("int"))) {
                d = Dimension.NONE;
            }
            withDim(n, d);
        } else if (userFunction(fn) != null) {
            NodeBuilder owner = userFunction(fn);
            String fname = fn instanceof MemberNode mn ? mn.name() : unprefixed(((ReadGlobalNode) fn).name());
            Dimension[] sig = owner.userSigs.get(fname);
            String[] pn = owner.userParamNames.get(fname);
            boolean aligned = checkArity(fname, fname + "(" + String.join(", ", pn) + ")", java.util.Arrays.asList(pn),
                owner.userRequired.get(fname), -1, posCtx, names, namedCtx, c);
            if (aligned) {
                checkPositional(fname, java.util.Arrays.asList(pn), java.util.Arrays.asList(sig), pos, posCtx, c);
            }
            for (int k = 0; k < names.size(); k++) {
                for (int i = 0; i < pn.length; i++) {
                    if (pn[i].equals(names.get(k))) {
                        checkArg(fname, i, pn[i], sig[i], named.get(k), namedCtx.get(k));
                    }
                }
            }
        }
        return n;
    }

    /** The builder that declared the function a call refers to (this file's or a local module's), or null. */
    private NodeBuilder userFunction(AdcNode fn) {
        if (fn instanceof ReadGlobalNode g && userSigs.containsKey(unprefixed(g.name())) && scriptGlobals.contains(unprefixed(g.name()))) {
            return this;
        }
        if (fn instanceof MemberNode m && m.receiver() instanceof ReadGlobalNode g && localModules.containsKey(unprefixed(g.name()))) {
            NodeBuilder b = localModules.get(unprefixed(g.name())).builder();
            return b.userSigs.containsKey(m.name()) ? b : null;
        }
        return null;
    }

    // ---------------------------------------------------------------- local modules

    private static String importAlias(AdcParser.ImportStmtContext i) {
        if (i.alias != null) {
            return i.alias.getText();
        }
        if (i.dottedName() != null) {
            return i.dottedName().getText();
        }
        String f = stringText(i.path);
        String base = f.substring(f.lastIndexOf('/') + 1);
        return base.endsWith(".adc") ? base.substring(0, base.length() - 4) : base;
    }

    /** The text of a string literal without interpolation (an import path). */
    private static String stringText(AdcParser.StringContext s) {
        StringBuilder sb = new StringBuilder();
        for (AdcParser.StringPartContext part : s.stringPart()) {
            sb.append(part.getText());
        }
        return sb.toString();
    }

    /** The path of an imported file relative to the recipe's folder: against the folder of the importing file. */
    private String resolveImport(String written) {
        if (written.startsWith("/")) {
            return written;
        }
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash + 1);
        return java.nio.file.Path.of(dir + written).normalize().toString();
    }

    /** True when {@code import name} names a file name.adc beside this file (read through the sandbox). */
    private boolean localModuleExists(String name) {
        if (name.contains(".")) {
            return false;
        }
        try {
            org.adc.AdcContext ctx = org.adc.AdcContext.get(null);
            String dir = ctx.env().scriptDir();
            if (dir == null) {
                return false;
            }
            com.oracle.truffle.api.TruffleFile f = ctx.truffleEnv().getPublicTruffleFile(dir).resolve(resolveImport(name + ".adc"));
            return f.isRegularFile();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code import "profiles.adc" as p} (or {@code import profiles} for profiles.adc beside the
     * file): reads the file through the sandbox (so run.json records it with its hash), parses and
     * checks it in its own namespace, refuses an import cycle, and binds the module to the alias.
     */
    private AdcNode importLocal(AdcParser.ImportStmtContext i) {
        String written = i.path != null ? stringText(i.path) : i.dottedName().getText() + ".adc";
        ParserRuleContext where = i.path != null ? i.path : i.dottedName();
        String alias = importAlias(i);
        declaredGlobals.add(alias);
        if (!alias.matches("[\\p{L}_][\\p{L}\\p{Nd}_]*")) {
            error(where, "'" + alias + "' cannot name a module", "give it a name: import \"" + written + "\" as name");
            return null;
        }
        String rel = resolveImport(written);
        // the recipe's path relative to its own folder is its file name
        List<String> chain = new ArrayList<>(importChain.isEmpty()
            ? List.of(source.getName().substring(source.getName().lastIndexOf('/') + 1)) : importChain);
        if (rel.equals(file) || chain.contains(rel)) {
            List<String> cycle = new ArrayList<>(chain.subList(Math.max(0, chain.indexOf(rel)), chain.size()));
            cycle.add(rel);
            error(where, "import cycle: " + String.join(" → ", cycle), "move what both files need into a third file that both import");
            return null;
        }
        String text;
        try {
            java.io.BufferedReader r = org.adc.AdcContext.get(null).env().openRead(rel);
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
                if (sb.length() > 4_000_000) {
                    error(where, "module '" + written + "' is larger than 4 MB", "a module holds definitions, not data: read data with table()");
                    return null;
                }
            }
            r.close();
            text = sb.toString();
        } catch (org.adc.lang.AdcError e) {
            boolean missing = e.getMessage().startsWith("no such file");
            error(where, "cannot import '" + written + "': " + e.getMessage(), missing
                ? "an import path is relative to the folder of the file that imports it" + (file.contains("/") ? " (" + file.substring(0, file.lastIndexOf('/') + 1) + ")" : "")
                : e.hint());
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            error(where, "cannot import '" + written + "': " + e.getMessage(), null);
            return null;
        }
        chain.add(rel);
        // messages name the module as the recipe's own name is shown: relative to where adc was started
        String shownDir = importChain.isEmpty() ? source.getName().substring(0, source.getName().lastIndexOf('/') + 1)
            : source.getName().substring(0, source.getName().length() - file.length());
        Source src = Source.newBuilder(AdcLanguage.ID, text, shownDir + rel).build();
        LocalModule m;
        try {
            m = SourceParser.module(language, src, rel, chain, knownGlobals);
        } catch (org.adc.runtime.AdcParseError e) {
            errors.addAll(e.diagnostics());
            return null;
        }
        // the module's errors are located in its file (the language server shows them at the import)
        errors.addAll(m.builder().errors);
        localModules.put(alias, m);
        String[] exported = m.exported().toArray(new String[0]);
        return at(new org.adc.nodes.controlflow.LocalImportNode(m.target(), global(alias), m.name(), rel, m.prefix(), exported), i);
    }

    /**
     * Argument count and names of a call, checked before anything runs, with one error per mistake:
     * a misspelt argument name is reported once (with the missing parameter it probably meant), not
     * also as a missing argument; a missing argument after positional arguments that filled an
     * optional parameter is reported once, with the named form that was probably meant. Returns false
     * when the positional arguments do not line up with the parameters (their kinds are then not checked,
     * since each would be a second error for the same mistake).
     */
    private boolean checkArity(String fname, String sig, List<String> pn, boolean[] required, int variadicAt,
                               List<ParserRuleContext> posCtx, List<String> names, List<ParserRuleContext> namedCtx, ParserRuleContext c) {
        int np = pn.size();
        int fixed = variadicAt >= 0 ? variadicAt : np;
        int positional = posCtx.size();
        if (variadicAt < 0 && positional > fixed) {
            error(c, fname + "() takes " + fixed + " argument" + (fixed == 1 ? "" : "s") + " but " + positional + " were given",
                "signature: " + sig);
            return false;
        }
        boolean[] given = new boolean[np];
        for (int i = 0; i < Math.min(fixed, positional); i++) {
            given[i] = true;
        }
        List<Integer> unknown = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            int idx = -1;
            for (int i = 0; i < np; i++) {
                if (i != variadicAt && pn.get(i).equals(names.get(k))) {
                    idx = i;
                }
            }
            if (idx < 0) {
                unknown.add(k);
            } else if (given[idx]) {
                error(namedCtx.get(k), fname + "() got two values for '" + names.get(k) + "'", "give each argument once");
            } else {
                given[idx] = true;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            if (!given[i] && required[i] && i != variadicAt) {
                missing.add(pn.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            for (int k : unknown) {
                String wrong = names.get(k);
                String meant = null;
                for (String m : missing) {
                    if (meant == null || org.adc.lang.Spelling.distance(wrong, m) < org.adc.lang.Spelling.distance(wrong, meant)) {
                        meant = m;
                    }
                }
                String hint = meant != null && unknown.size() == 1 ? "did you mean '" + meant + "'? It is the argument still missing; signature: " + sig
                    : "signature: " + sig;
                error(namedCtx.get(k), fname + "() has no parameter named '" + wrong + "'", hint);
            }
            return true;
        }
        if (missing.isEmpty()) {
            return true;
        }
        // positional arguments that went to optional parameters although required ones are missing:
        // the user most likely meant the required parameters, in order
        List<String> filledOptional = new ArrayList<>();
        for (int i = 0; i < Math.min(fixed, positional); i++) {
            if (!required[i]) {
                filledOptional.add(pn.get(i));
            }
        }
        if (filledOptional.isEmpty()) {
            for (String m : missing) {
                error(c, fname + "() is missing the argument '" + m + "'", "signature: " + sig);
            }
            return true;
        }
        StringBuilder filled = new StringBuilder();
        for (int i = 0; i < Math.min(fixed, positional); i++) {
            filled.append(i == 0 ? "" : ", ").append(pn.get(i)).append(" = ").append(text(posCtx.get(i)));
        }
        List<String> requiredNames = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            if (required[i] && i != variadicAt) {
                requiredNames.add(pn.get(i));
            }
        }
        String hint = "positional arguments fill the parameters in order (" + filled + "); name them";
        if (positional == requiredNames.size() && names.isEmpty()) {
            StringBuilder call = new StringBuilder(fname).append('(');
            for (int i = 0; i < positional; i++) {
                call.append(i == 0 ? "" : ", ").append(requiredNames.get(i)).append(" = ").append(text(posCtx.get(i)));
            }
            hint += ": " + call.append(')');
        } else {
            hint += "; signature: " + sig;
        }
        error(c, fname + "() is missing the argument" + (missing.size() == 1 ? " '" : "s '") + String.join("', '", missing) + "'", hint);
        return false;
    }

    /** The source text of a piece of the tree, as the user wrote it (spaces kept). */
    private static String text(ParserRuleContext ctx) {
        if (ctx.getStop() == null) {
            return ctx.getText();
        }
        return ctx.getStart().getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(ctx.getStart().getStartIndex(),
            ctx.getStop().getStopIndex()));
    }

    /**
     * Kinds of positional arguments. Two arguments whose dimensions fit each other's parameters are one
     * mistake (they are swapped): one error naming both, not two.
     */
    private void checkPositional(String fname, List<String> pn, List<Dimension> wants, List<AdcNode> pos, List<ParserRuleContext> posCtx,
                                 ParserRuleContext c) {
        int n = Math.min(Math.min(wants.size(), pos.size()), pn.size());
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (mismatch(wants.get(i), dim(pos.get(i)))) {
                wrong.add(i);
            }
        }
        if (wrong.size() == 2) {
            int i = wrong.get(0);
            int j = wrong.get(1);
            if (!mismatch(wants.get(i), dim(pos.get(j))) && !mismatch(wants.get(j), dim(pos.get(i)))) {
                StringBuilder fixed = new StringBuilder(fname).append('(');
                for (int k = 0; k < pos.size(); k++) {
                    int from = k == i ? j : k == j ? i : k;
                    fixed.append(k == 0 ? "" : ", ").append(k < pn.size() && (k == i || k == j) ? pn.get(k) + " = " : "")
                        .append(text(posCtx.get(from)));
                }
                error(c, fname + "(): arguments #" + (i + 1) + " '" + pn.get(i) + "' and #" + (j + 1) + " '" + pn.get(j) + "' look swapped ("
                    + wants.get(i).name() + " expected first, got " + dim(pos.get(i)).name() + ")", "write " + fixed.append(')'));
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            // errors for the mismatched ones, and the molar ↔ per-particle warning for any
            checkArg(fname, i, pn.get(i), wants.get(i), pos.get(i), posCtx.get(i));
        }
    }

    private static boolean mismatch(Dimension want, Dimension got) {
        return want != null && got != null && !want.equals(got) && got.amountOffset(want) == null;
    }

    private void checkArg(String fname, int i, String pname, Dimension want, AdcNode arg, ParserRuleContext ctx) {
        Dimension got = dim(arg);
        if (want != null && got != null && !want.equals(got) && got.amountOffset(want) != null) {
            // molar ↔ per particle: converted through the Avogadro constant at the parameter, the same for
            // library and user functions, and never silently: adc check says so
            ParserRuleContext e = ctx instanceof AdcParser.ArgContext a && a.expr() != null ? a.expr() : ctx;
            warnings.add(Diagnostic.at(source, e.getStart().getLine(), e.getStart().getCharPositionInLine() + 1,
                e.getStop() == null || e.getStop().getLine() != e.getStart().getLine() ? 1 : e.getStop().getStopIndex() - e.getStart().getStartIndex() + 1,
                "warning", "argument #" + (i + 1) + " '" + pname + "' to '" + fname + "' is " + got.name() + " but the parameter is "
                    + want.name() + ": it is converted through the Avogadro constant",
                "write the conversion to make it visible: (" + sourceText(e) + ") to " + (want.equals(Dimension.ENERGY) ? "eV" : Units.siUnit(want).symbol())));
            return;
        }
        if (want != null && got != null && !want.equals(got) && got.amountOffset(want) == null) {
            error(ctx, "bad argument #" + (i + 1) + " '" + pname + "' to '" + fname + "' (" + want.name() + " expected, got " + got.name() + ")",
                org.adc.units.DimensionHints.orDefault(want, got));
        }
    }

    /**
     * A literal path given to a library function that reads it (table("barriers.csv"),
     * structure.read(...)): a warning when no such file is in the recipe's folder, looked up
     * through the sandbox. Not an error: a recipe may write the file before it reads it.
     */
    private void checkInputPath(Param p, ParserRuleContext ctx) {
        String doc = p.doc() == null ? "" : p.doc().toLowerCase(java.util.Locale.ROOT);
        boolean input = (p.name().equals("path") || p.name().equals("file"))
            && (doc.contains("script") || doc.contains("recipe") || doc.contains("path of the"))
            && !doc.contains("output") && !doc.contains("run directory");
        AdcParser.ExprContext e = ctx instanceof AdcParser.ArgContext a ? a.expr() : null;
        if (!input || !(e instanceof AdcParser.PostfixExprContext pe && pe.postfix() instanceof AdcParser.PrimaryPostfixContext pp
            && pp.primary() instanceof AdcParser.StringLitContext sl)) {
            return;
        }
        AdcParser.StringContext str = sl.string();
        if (!str.stringPart().stream().allMatch(x -> x instanceof AdcParser.StrTextContext) || str.STR_END() == null) {
            return;
        }
        String path = stringText(str);
        try {
            org.adc.AdcContext c = org.adc.AdcContext.get(null);
            String dir = c.env().scriptDir();
            if (dir == null || path.isEmpty()) {
                return;
            }
            com.oracle.truffle.api.TruffleFile f = c.truffleEnv().getPublicTruffleFile(dir).resolve(resolveImport(path));
            if (!f.exists()) {
                warnings.add(Diagnostic.at(source, str.getStart().getLine(), str.getStart().getCharPositionInLine() + 1,
                    Math.max(1, str.getStop().getStopIndex() - str.getStart().getStartIndex() + 1), "warning",
                    "no file '" + path + "' in the recipe's folder", "the run fails when it reads it, unless the file is there by then"
                        + " (paths are relative to the recipe's folder)"));
            }
        } catch (SecurityException ex) {
            warnings.add(Diagnostic.at(source, str.getStart().getLine(), str.getStart().getCharPositionInLine() + 1, 1, "warning",
                "'" + path + "' is outside what the recipe may read", "a recipe reads below its own folder; run with --allow-read PATH"));
        } catch (RuntimeException ex) {
            // no context (a check without a folder): paths are checked at run time
        }
    }

    /** A library argument: a single dimension as for user parameters; a union (temperature|program) accepts any of its kinds. */
    private void checkLibraryArg(String fname, int i, Param p, AdcNode arg, ParserRuleContext ctx) {
        if (!p.type().contains("|")) {
            checkArg(fname, i, p.name(), p.dimension(), arg, ctx);
            return;
        }
        Dimension got = dim(arg);
        if (got != null && !p.accepts(got)) {
            error(ctx, "bad argument #" + (i + 1) + " '" + p.name() + "' to '" + fname + "' (" + String.join(" or ", p.kinds())
                + " expected, got " + got.name() + ")", p.doc() == null ? null : "'" + p.name() + "' is the " + p.doc());
        }
    }

    private void checkLibraryCall(NativeFunction nf, List<AdcNode> pos, List<ParserRuleContext> posCtx, List<String> names,
                                  List<AdcNode> named, List<ParserRuleContext> namedCtx, ParserRuleContext c) {
        List<Param> params = nf.params();
        int variadicAt = -1;
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).variadic()) {
                variadicAt = i;
            }
        }
        boolean variadic = variadicAt >= 0;
        int fixed = variadic ? variadicAt : params.size();
        List<String> pn = new ArrayList<>();
        boolean[] required = new boolean[params.size()];
        for (int i = 0; i < params.size(); i++) {
            pn.add(params.get(i).name());
            required[i] = params.get(i).isRequired();
        }
        boolean aligned = checkArity(nf.name(), nf.signature(), pn, required, variadicAt, posCtx, names, namedCtx, c);
        if (aligned) {
            // one error for two swapped arguments (checkPositional); kinds with several choices checked one by one
            List<Dimension> wants = new ArrayList<>();
            for (int i = 0; i < fixed; i++) {
                wants.add(params.get(i).type().contains("|") ? null : params.get(i).dimension());
            }
            checkPositional(nf.name(), pn.subList(0, fixed), wants, pos.subList(0, Math.min(fixed, pos.size())), posCtx, c);
            for (int i = 0; i < Math.min(fixed, pos.size()); i++) {
                if (params.get(i).type().contains("|")) {
                    checkLibraryArg(nf.name(), i, params.get(i), pos.get(i), posCtx.get(i));
                }
                checkInputPath(params.get(i), posCtx.get(i));
            }
        }
        for (int k = 0; k < names.size(); k++) {
            for (int i = 0; i < params.size(); i++) {
                if (i != variadicAt && params.get(i).name().equals(names.get(k))) {
                    checkLibraryArg(nf.name(), i, params.get(i), named.get(k), namedCtx.get(k));
                    checkInputPath(params.get(i), namedCtx.get(k));
                }
            }
        }
    }

    AdcNode primary(AdcParser.PrimaryContext p) {
        if (p instanceof AdcParser.QuantityLitContext q) {
            return quantityLiteral(q);
        }
        if (p instanceof AdcParser.StringLitContext s) {
            return string(s.string());
        }
        if (p instanceof AdcParser.BoolLitContext b) {
            return at(withDim(new LiteralNode(b.TRUE() != null), null), b);
        }
        if (p instanceof AdcParser.NoneLitContext n) {
            return at(new LiteralNode(None.INSTANCE), n);
        }
        if (p instanceof AdcParser.NameRefContext n) {
            return readName(n.getText(), n.IDENT().getSymbol());
        }
        if (p instanceof AdcParser.ListLitContext l) {
            List<AdcNode> el = new ArrayList<>();
            for (AdcParser.ExprContext e : l.expr()) {
                el.add(expr(e));
            }
            return at(new ListLiteralNode(el.toArray(new AdcNode[0])), l);
        }
        if (p instanceof AdcParser.MapLitContext m) {
            return mapLiteral(m);
        }
        if (p instanceof AdcParser.EmptyMapLitContext m) {
            return at(new MapLiteralNode(new AdcNode[0], new AdcNode[0]), m);
        }
        if (p instanceof AdcParser.ParenExprContext pe) {
            return expr(pe.expr());
        }
        if (p instanceof AdcParser.ConditionalExprContext c) {
            return conditional(c.ifExpr());
        }
        error(p, "unsupported expression", null);
        return new LiteralNode(None.INSTANCE);
    }

    /** {@code if c { a } else { b }} as an expression: one of the two values; both must have the same dimension where known. */
    private AdcNode conditional(AdcParser.IfExprContext x) {
        AdcNode cond = expr(x.cond);
        AdcNode then = expr(x.then.expr());
        AdcNode els = x.elseIf != null ? conditional(x.elseIf) : expr(x.otherwise.expr());
        Dimension dt = dim(then);
        Dimension de = dim(els);
        if (dt != null && de != null && !dt.equals(de)) {
            error(x, "the branches of this if expression differ: " + dt.name() + " and " + de.name(),
                "both branches of an if expression must have the same dimension");
        }
        String unit = units.get(then) != null && units.get(then).equals(units.get(els)) ? units.get(then) : null;
        return at(withUnit(withDim(new IfNode(cond, then, els), dt != null && dt.equals(de) ? dt : null), unit), x);
    }

    private AdcNode mapLiteral(AdcParser.MapLitContext m) {
        List<AdcParser.EntryContext> entries = m.entry();
        boolean record = entries.stream().allMatch(e -> e.key.fieldName() != null);
        boolean map = entries.stream().noneMatch(e -> e.key.fieldName() != null);
        AdcNode[] values = new AdcNode[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            values[i] = expr(entries.get(i).value);
        }
        if (record) {
            String[] names = new String[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                names[i] = entries.get(i).key.getText();
                for (int j = 0; j < i; j++) {
                    if (names[j].equals(names[i])) {
                        error(entries.get(i).key, "field '" + names[i] + "' appears twice", null);
                    }
                }
            }
            return at(new MapLiteralNode(names, values), m);
        }
        if (!map) {
            error(m, "mixed keys: a record has bare names as keys ({a: 1}), a map has strings or numbers ({\"a\": 1})",
                "use one kind of key");
            return at(new LiteralNode(None.INSTANCE), m);
        }
        AdcNode[] keys = new AdcNode[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            AdcParser.EntryKeyContext k = entries.get(i).key;
            keys[i] = k.string() != null ? string(k.string()) : number(k.number());
        }
        return at(new MapLiteralNode(keys, values), m);
    }

    private AdcNode number(AdcParser.NumberContext n) {
        String text = n.getText().replace("_", "");
        if (n.INT() != null) {
            try {
                return at(withDim(new LongLiteralNode(Long.parseLong(text)), Dimension.NONE), n);
            } catch (NumberFormatException e) {
                return at(withDim(new DoubleLiteralNode(Double.parseDouble(text)), Dimension.NONE), n);
            }
        }
        return at(withDim(new DoubleLiteralNode(Double.parseDouble(text)), Dimension.NONE), n);
    }

    /**
     * {@code 450 degC}, {@code 5 degC/min}. The rule for names after a number (docs/language.md,
     * "Units after a number"): a name is read as a unit only if it is a unit symbol and not a name
     * the recipe binds (a variable, parameter, function or loop variable in scope); the unit ends
     * before the first term that is not a unit, and the rest of the product is ordinary
     * arithmetic. So with {@code let T = 600 K}, {@code 8.617e-5 eV/K * T} multiplies by T, and
     * {@code 0.9 eV / (kB * T)} divides by the product of the constant and the variable.
     */
    private AdcNode quantityLiteral(AdcParser.QuantityLitContext q) {
        return quantityLiteral(q, List.of());
    }

    private AdcNode quantityLiteral(AdcParser.QuantityLitContext q, List<AdcParser.PostfixContext> tailOps) {
        AdcNode num = number(q.number());
        if (q.unit() == null) {
            return num;
        }
        double value = Double.parseDouble(q.number().getText().replace("_", ""));
        AdcParser.UnitContext uc = q.unit();
        List<AdcParser.UnitTermContext> terms = uc.unitTerm();
        List<Token> ops = new ArrayList<>();
        for (int i = 0; i < uc.getChildCount(); i++) {
            if (uc.getChild(i) instanceof TerminalNode t) {
                ops.add(t.getSymbol());
            }
        }
        int unitTerms = 0;
        while (unitTerms < terms.size() && isUnitTerm(terms.get(unitTerms))) {
            unitTerms++;
        }
        if (unitTerms == 0) {
            AdcParser.UnitTermContext t0 = terms.get(0);
            String sym = t0.getStart().getText();
            if (t0 instanceof AdcParser.UnitAtomContext && boundByRecipe(sym)) {
                error(t0, "'" + sym + "' after the number " + q.number().getText() + " is the variable '" + sym + "', not a unit",
                    "a name bound in scope is never read as a unit: write " + q.number().getText() + " * " + sym + " to multiply"
                        + (Units.isUnit(sym) ? ", or rename the variable to use the unit " + sym : ""));
            } else if (t0 instanceof AdcParser.UnitGroupContext) {
                error(t0, "a unit group after the number " + q.number().getText() + " holds names that are not units",
                    "write " + q.number().getText() + " * (...) to multiply by an expression");
            } else {
                String hint = isKnownGlobal(sym) ? "to multiply by '" + sym + "' write " + q.number().getText() + " * " + sym
                    : Units.isUnit(sym) ? null : unknownUnitHint(sym);
                error(t0, "unknown unit '" + sym + "'", hint);
            }
            return num;
        }
        Unit u = null;
        for (int i = 0; i < unitTerms; i++) {
            Unit t = unitTerm(terms.get(i));
            if (t == null) {
                return num;
            }
            u = i == 0 ? t : ops.get(i - 1).getType() == AdcLexer.SLASH ? u.divide(t) : u.times(t);
        }
        Object lit = org.adc.runtime.Ops.normalize(Quantity.of(value, u));
        AdcNode node = at(withUnit(withDim(lit instanceof Double d ? new DoubleLiteralNode(d) : new LiteralNode(lit), u.dimension()), u.symbol()), q);
        // the quantity itself ends with its last unit term; variables after it (10 m / t) and their postfixes widen the product
        int litStart = q.getStart().getStartIndex();
        int litStop = terms.get(unitTerms - 1).getStop() == null ? litStart : terms.get(unitTerms - 1).getStop().getStopIndex();
        node.setSourceSection(litStart, Math.max(1, litStop - litStart + 1));
        // the remaining terms are arithmetic: 10 m / t, 0.9 eV / (kB * T)
        for (int i = unitTerms; i < terms.size(); i++) {
            AdcParser.UnitTermContext t = terms.get(i);
            AdcNode operand = termAsExpression(t, q);
            if (i == terms.size() - 1 && t instanceof AdcParser.UnitAtomContext a && a.unitExp() == null) {
                for (AdcParser.PostfixContext op : tailOps) {
                    operand = applyPostfix(op, operand);
                    if (op.getStop() != null) {
                        // the postfix's own section starts at the quantity: the call is the variable and what follows it
                        int from = a.IDENT().getSymbol().getStartIndex();
                        operand.setSourceSection(from, Math.max(1, op.getStop().getStopIndex() - from + 1));
                    }
                }
            } else if (i == terms.size() - 1 && !tailOps.isEmpty()) {
                for (AdcParser.PostfixContext op : tailOps) {
                    operand = applyPostfix(op, operand);
                }
            }
            Dimension dl = dim(node);
            Dimension dr = dim(operand);
            boolean div = ops.get(i - 1).getType() == AdcLexer.SLASH;
            Dimension d = dl != null && dr != null ? (div ? dl.divide(dr) : dl.times(dr)) : null;
            node = at(withDim(div ? DivNodeGen.create(node, operand) : MulNodeGen.create(node, operand), d), q);
            int stop = i == terms.size() - 1 && !tailOps.isEmpty() && tailOps.get(tailOps.size() - 1).getStop() != null
                ? tailOps.get(tailOps.size() - 1).getStop().getStopIndex() : t.getStop() == null ? litStop : t.getStop().getStopIndex();
            node.setSourceSection(litStart, Math.max(1, stop - litStart + 1));
        }
        return node;
    }

    /**
     * A term after the unit of a quantity, read as arithmetic: a name (a variable or a library
     * constant, with its power) or a parenthesised product of such names. A unit symbol that the
     * recipe does not bind cannot stand here: it is reported with the way to write it.
     */
    private AdcNode termAsExpression(AdcParser.UnitTermContext t, AdcParser.QuantityLitContext q) {
        AdcNode operand;
        AdcParser.UnitExpContext exp;
        if (t instanceof AdcParser.UnitAtomContext a) {
            String name = a.IDENT().getText();
            exp = a.unitExp();
            if (Units.isUnit(name) && !boundByRecipe(name) && !isKnownGlobal(name)) {
                error(a, "'" + name + "' is a unit, but it follows a variable, not a number",
                    "a unit belongs right after its number: write (1 " + name + ") or move it next to " + q.number().getText());
                return at(new LiteralNode(None.INSTANCE), a);
            }
            operand = readName(name, a.IDENT().getSymbol());
        } else {
            AdcParser.UnitGroupContext g = (AdcParser.UnitGroupContext) t;
            exp = g.unitExp();
            List<AdcParser.UnitTermContext> inner = g.unit().unitTerm();
            List<Token> ops = new ArrayList<>();
            for (int i = 0; i < g.unit().getChildCount(); i++) {
                if (g.unit().getChild(i) instanceof TerminalNode tn) {
                    ops.add(tn.getSymbol());
                }
            }
            operand = termAsExpression(inner.get(0), q);
            for (int i = 1; i < inner.size(); i++) {
                AdcNode r = termAsExpression(inner.get(i), q);
                Dimension dl = dim(operand);
                Dimension dr = dim(r);
                boolean div = ops.get(i - 1).getType() == AdcLexer.SLASH;
                operand = at(withDim(div ? DivNodeGen.create(operand, r) : MulNodeGen.create(operand, r),
                    dl != null && dr != null ? (div ? dl.divide(dr) : dl.times(dr)) : null), g);
            }
        }
        if (exp != null) {
            Integer k = unitExponent(exp);
            if (k != null) {
                Dimension d = dim(operand);
                operand = at(withDim(PowNodeGen.create(operand, new LongLiteralNode(k)), d == null ? null : d.pow(k)), t);
            }
        }
        return operand;
    }

    /**
     * A name the recipe binds at this place: a local, parameter or loop variable in scope, a
     * top-level let, var, param, fn, recipe or import earlier in the file (in source order, so
     * {@code let s = 2 s} reads the unit), or (in the REPL) a variable of an earlier input.
     * Such a name is never read as a unit. Library names are not bound by the recipe: the few
     * that are also unit symbols (min, amu, hbar) stay units after a number.
     */
    private boolean boundByRecipe(String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            if (s.lookupHere(name) != null) {
                return true;
            }
        }
        if (declaredGlobals.contains(name)) {
            return true;
        }
        return interactive && knownGlobals.contains(name) && libraryGlobal(name) == null && !Stdlib.modules().containsKey(name);
    }

    private static String unknownUnitHint(String sym) {
        try {
            Units.parse(sym);
            return null;
        } catch (UnitException e) {
            return e.hint();
        }
    }

    /** True when a term after a number is read as a unit: every name in it is a unit symbol the recipe does not bind. */
    private boolean isUnitTerm(AdcParser.UnitTermContext t) {
        if (t instanceof AdcParser.UnitAtomContext a) {
            String name = a.IDENT().getText();
            return Units.isUnit(name) && !boundByRecipe(name);
        }
        for (AdcParser.UnitTermContext inner : ((AdcParser.UnitGroupContext) t).unit().unitTerm()) {
            if (!isUnitTerm(inner)) {
                return false;
            }
        }
        return true;
    }

    private Unit unitTerm(AdcParser.UnitTermContext t) {
        if (t instanceof AdcParser.UnitAtomContext a) {
            Unit u;
            try {
                u = Units.parse(a.IDENT().getText());
            } catch (UnitException e) {
                error(a, e.getMessage(), e.hint());
                return null;
            }
            if (a.unitExp() != null) {
                Integer k = unitExponent(a.unitExp());
                u = k == null ? null : u.pow(k);
            }
            return u;
        }
        AdcParser.UnitGroupContext g = (AdcParser.UnitGroupContext) t;
        Unit u = unit(g.unit());
        if (u != null && g.unitExp() != null) {
            Integer k = unitExponent(g.unitExp());
            u = k == null ? null : u.pow(k);
        }
        return u;
    }

    /** The exponent of a unit ({@code m^2}, {@code s^-1}); an absurd one is reported and null returned. */
    private Integer unitExponent(AdcParser.UnitExpContext e) {
        Integer k = smallInt(e.getText());
        if (k == null) {
            error(e, "unit exponent " + e.getText() + " is out of range", "unit exponents are small integers, e.g. m^2 or s^-1");
        }
        return k;
    }

    /** An integer literal between -64 and 64 (underscores allowed), or null. */
    private static Integer smallInt(String text) {
        String t = text.replace("_", "");
        if (t.length() > 4) {
            return null;
        }
        try {
            int k = Integer.parseInt(t);
            return Math.abs(k) <= 64 ? k : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A unit after {@code to} or in a declaration; errors are reported and null returned. */
    Unit unit(AdcParser.UnitContext uc) {
        Unit u = null;
        int term = 0;
        for (int i = 0; i < uc.getChildCount(); i++) {
            if (uc.getChild(i) instanceof AdcParser.UnitTermContext t) {
                Unit x = unitTerm(t);
                if (x == null) {
                    return null;
                }
                if (term == 0) {
                    u = x;
                } else {
                    Token op = ((TerminalNode) uc.getChild(i - 1)).getSymbol();
                    u = op.getType() == AdcLexer.SLASH ? u.divide(x) : u.times(x);
                }
                term++;
            }
        }
        return u;
    }

    private Unit unitSpec(AdcParser.UnitSpecContext us) {
        Unit u = unit(us.unit());
        if (u != null && us.one != null) {
            if (!us.one.getText().equals("1")) {
                error(us, "a unit may start with 1 only as in 1/s", null);
            }
            u = Unit.ONE.divide(u);
        }
        return u;
    }

    private AdcNode string(AdcParser.StringContext s) {
        if (s.STR_NL() != null || s.STR_END() == null) {
            error(s.getStart(), s.getStart(), "unterminated string", "close the string with \" on the same line");
        }
        List<AdcNode> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (AdcParser.StringPartContext part : s.stringPart()) {
            if (part instanceof AdcParser.StrTextContext t) {
                unescape(t.getText(), text, t.getStart());
            } else if (part instanceof AdcParser.StrDollarContext) {
                text.append('$');
            } else if (part instanceof AdcParser.StrInterpContext i) {
                if (text.length() > 0) {
                    parts.add(new LiteralNode(text.toString()));
                    text.setLength(0);
                }
                parts.add(expr(i.expr()));
            }
        }
        if (parts.isEmpty()) {
            return at(new LiteralNode(text.toString()), s);
        }
        if (text.length() > 0) {
            parts.add(new LiteralNode(text.toString()));
        }
        return at(new InterpolationNode(parts.toArray(new AdcNode[0])), s);
    }

    private void unescape(String raw, StringBuilder out, Token tok) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char n = raw.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '$' -> out.append('$');
                default -> {
                    error(tok, tok, "unknown escape '\\" + n + "' in string", "use \\n, \\t, \\\", \\\\ or \\$");
                    out.append(n);
                }
            }
        }
    }
}
