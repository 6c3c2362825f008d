package org.adc.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.AdcError;
import org.adc.lang.Args;
import org.adc.lang.Callable;
import org.adc.lang.NativeFunction;
import org.adc.lang.Values;
import org.adc.nodes.AdcNode;
import org.adc.nodes.controlflow.CheckArgumentNode;
import org.adc.runtime.AdcException;
import org.adc.runtime.AdcFunction;
import org.adc.runtime.Members;
import org.adc.runtime.Ops;
import org.adc.units.UnitException;

/**
 * A call {@code f(a, b, name = c)}. Positional and named arguments are matched to the callee's
 * parameters; adc functions are called through an inline cache, library functions through their
 * Java body with the context's sandboxed environment.
 */
@NodeInfo(shortName = "call")
public final class CallNode extends AdcNode {
    @Child private AdcNode function;
    @Children private final AdcNode[] positional;
    @Children private final AdcNode[] named;
    private final String[] names;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();
    /**
     * The deepest nesting of adc function calls, as Python's recursion limit (1000): a fixed number,
     * so a recipe fails the same way interpreted or compiled. The launcher's thread stack (-Xss16m)
     * holds it with room to spare; a Java stack overflow below it is reported the same way.
     */
    public static final int MAX_DEPTH = 2000;

    public CallNode(AdcNode function, AdcNode[] positional, String[] names, AdcNode[] named) {
        this.function = function;
        this.positional = positional;
        this.names = names;
        this.named = named;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object f = function.executeGeneric(frame);
        Object[] pos = new Object[positional.length];
        for (int i = 0; i < positional.length; i++) {
            pos[i] = positional[i].executeGeneric(frame);
        }
        Object[] nv = new Object[named.length];
        for (int i = 0; i < named.length; i++) {
            nv[i] = named[i].executeGeneric(frame);
        }
        try {
            if (f instanceof AdcFunction fn) {
                Object[] args = fn.arrange(pos, names, nv, this);
                AdcContext ctx = AdcContext.get(this);
                if (ctx.callDepth >= MAX_DEPTH) {
                    CompilerDirectives.transferToInterpreter();
                    throw recursionTooDeep(f, "more than " + MAX_DEPTH + " nested calls");
                }
                ctx.callDepth++;
                try {
                    return dispatch.executeDispatch(fn.getCallTarget(), args);
                } catch (AdcException e) {
                    if (e.getLocation() instanceof CheckArgumentNode check && check.getRootNode() == fn.getCallTarget().getRootNode()) {
                        CompilerDirectives.transferToInterpreter();
                        throw atArgument(e, check);
                    }
                    throw e;
                } finally {
                    ctx.callDepth--;
                }
            }
            return callOther(f, pos, nv);
        } catch (StackOverflowError e) {
            // the deepest call sites may have too little stack left to build the error: they overflow again
            // and the StackOverflowError reaches a call site further up, which reports it
            CompilerDirectives.transferToInterpreter();
            throw recursionTooDeep(f, "the stack overflowed");
        }
    }

    /**
     * A parameter declared with a unit got a value of another dimension: the mistake is at the call,
     * so the error points at the argument (or the call when the default was used), not at the declaration.
     */
    @TruffleBoundary
    private AdcException atArgument(AdcException e, CheckArgumentNode check) {
        Node at = this;
        if (check.index() < positional.length) {
            at = positional[check.index()];
        } else {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(check.param())) {
                    at = named[i];
                }
            }
        }
        if (at.getEncapsulatingSourceSection() == null) {
            at = this;
        }
        com.oracle.truffle.api.source.SourceSection decl = check.getEncapsulatingSourceSection();
        String where = decl == null ? "" : " (declared as " + decl.getCharacters() + " at line " + decl.getStartLine() + ")";
        return new AdcException(e.rawMessage(), e.hint() + where, at);
    }

    @TruffleBoundary
    private AdcException recursionTooDeep(Object f, String what) {
        String name = f instanceof AdcFunction fn ? fn.name() + "()" : "a function";
        return new AdcException("recursion too deep: " + what + " (calling " + name + ")",
            "check that the recursive function reaches a case that returns without calling itself (the trace below shows the loop)", this);
    }

    @TruffleBoundary
    private Object callOther(Object f, Object[] pos, Object[] nv) {
        try {
            if (f instanceof NativeFunction nf) {
                Object[] arranged = Args.arrange(nf.name(), nf.params(), pos, names, nv);
                AdcContext.get(this).randomStreams().note(nf, arranged, this);
                return Ops.normalize(nf.invoke(AdcContext.get(this).env(), arranged));
            }
            if (f instanceof Members.RecordWith rw) {
                if (pos.length > 0) {
                    throw new AdcException("with() takes named arguments only", "write r.with(name = value)", this);
                }
                return Members.recordWith(rw.record(), names, nv);
            }
            if (f instanceof Callable c) {
                if (names.length > 0) {
                    throw new AdcException(c.name() + "() takes no named arguments", null, this);
                }
                return Ops.normalize(c.call(pos));
            }
        } catch (AdcError e) {
            throw new AdcException(e.getMessage(), e.hint(), this);
        } catch (AdcException e) {
            // raised inside a library function without a place (e.g. comparing in sorted): the call is the place
            if (e.getLocation() == null) {
                throw new AdcException(e.rawMessage(), e.hint(), this, e.payload());
            }
            throw e;
        } catch (UnitException e) {
            throw new AdcException(e.getMessage(), e.hint(), this);
        }
        throw new AdcException(Values.describe(f) + " is not a function", "only functions, recipes and methods can be called", this);
    }
}
