package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.NodeUtil;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.adc.AdcContext;
import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.nodes.expression.AddNode;
import org.adc.nodes.expression.ConvertNode;
import org.adc.nodes.expression.DivNode;
import org.adc.nodes.expression.DoubleLiteralNode;
import org.adc.nodes.expression.ListLiteralNode;
import org.adc.nodes.expression.LiteralNode;
import org.adc.nodes.expression.LongLiteralNode;
import org.adc.nodes.expression.MulNode;
import org.adc.nodes.expression.NegNode;
import org.adc.nodes.expression.PowNode;
import org.adc.nodes.expression.RangeNode;
import org.adc.nodes.expression.SubNode;
import org.adc.runtime.AdcExit;
import org.adc.runtime.Diagnostic;

/**
 * Runs first in a script file: checks the {@code adc run --set} values before any statement
 * runs. A name the script does not declare with {@code param}, a value of the wrong dimension or
 * outside the declared range is a usage error (exit code 2): the message is printed and the
 * program ends. Parameters whose default or range is not a constant expression are checked where
 * they are declared, with the same error.
 */
@NodeInfo(shortName = "param-check")
public final class ParamCheckNode extends AdcNode {
    private final String[] declared;
    private final ParamNode[] constant;

    public ParamCheckNode(List<ParamNode> params) {
        this.declared = params.stream().map(ParamNode::name).toArray(String[]::new);
        this.constant = params.stream().filter(ParamNode::isConstant).toArray(ParamNode[]::new);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        AdcContext ctx = AdcContext.get(this);
        if (ctx.overrides().isEmpty()) {
            return None.INSTANCE;
        }
        checkNames(ctx);
        for (ParamNode p : constant) {
            p.validate(frame);
        }
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void checkNames(AdcContext ctx) {
        List<String> names = List.of(declared);
        for (String given : ctx.overrides().keySet()) {
            if (!names.contains(given)) {
                String hint = names.isEmpty() ? "this recipe declares no parameters (param NAME = DEFAULT)"
                    : "its parameters are " + String.join(", ", names);
                throw usageError(ctx, Diagnostic.format(null, "error", "--set " + given + ": the recipe has no parameter '" + given + "'", hint)
                    .stripTrailing(), this);
            }
        }
    }

    /** Prints a usage error and returns the exception that ends the program with exit code 2. */
    @TruffleBoundary
    static AdcExit usageError(AdcContext ctx, String message, Node location) {
        PrintStream err = new PrintStream(ctx.truffleEnv().err(), true, StandardCharsets.UTF_8);
        err.println(message);
        err.flush();
        return new AdcExit(2, location);
    }

    /** Literals, arithmetic, conversions and ranges of them: safe to evaluate before the script runs. */
    static boolean isConstant(Node n) {
        if (!(n instanceof LiteralNode || n instanceof LongLiteralNode || n instanceof DoubleLiteralNode || n instanceof NegNode
            || n instanceof AddNode || n instanceof SubNode || n instanceof MulNode || n instanceof DivNode || n instanceof PowNode
            || n instanceof ConvertNode || n instanceof RangeNode || n instanceof ListLiteralNode || n instanceof ParamNode.BoundsNode)) {
            return false;
        }
        List<Node> children = new ArrayList<>();
        NodeUtil.forEachChild(n, children::add);
        for (Node c : children) {
            if (!isConstant(c)) {
                return false;
            }
        }
        return true;
    }
}
