package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleStackTrace;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import java.util.List;

/**
 * A runtime error in a script: a unit mismatch, a bad argument, an unknown name, an error the
 * script raised. It carries the node where it happened, so the user sees file:line:column, the
 * source line with a caret, and a hint. The value a script's {@code catch e} receives is the
 * message (e.message) and hint.
 */
public final class AdcException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final String rawMessage;
    private final String hint;
    private final Object payload;

    @TruffleBoundary
    public AdcException(String message, String hint, Node location) {
        this(message, hint, location, null);
    }

    @TruffleBoundary
    public AdcException(String message, String hint, Node location, Object payload) {
        super(message, location);
        this.rawMessage = message;
        this.hint = hint;
        this.payload = payload;
    }

    /** The message without location. */
    public String rawMessage() {
        return rawMessage;
    }

    public String hint() {
        return hint;
    }

    /** The value given to {@code raise}, or null for errors raised by the runtime. */
    public Object payload() {
        return payload;
    }

    /** Where the error happened, or null. */
    @TruffleBoundary
    public SourceSection section() {
        Node loc = getLocation();
        return loc == null ? null : loc.getEncapsulatingSourceSection();
    }

    @Override
    @TruffleBoundary
    public String getMessage() {
        StringBuilder sb = new StringBuilder(Diagnostic.format(section(), "error", rawMessage, hint));
        List<TruffleStackTraceElement> trace = TruffleStackTrace.getStackTrace(this);
        if (trace != null) {
            String previous = null;
            int repeats = 0;
            boolean first = true;
            for (TruffleStackTraceElement e : trace) {
                if (first) {
                    first = false;
                    continue;
                }
                Node call = e.getLocation();
                SourceSection s = call == null ? null : call.getEncapsulatingSourceSection();
                if (s != null && s.isAvailable()) {
                    String fn = e.getTarget().getRootNode().getName();
                    String line = "  called from " + (fn == null ? "script" : fn) + " at " + s.getSource().getName()
                        + ':' + s.getStartLine() + ':' + s.getStartColumn() + '\n';
                    if (line.equals(previous)) {
                        repeats++;
                        continue;
                    }
                    appendRepeats(sb, repeats);
                    repeats = 0;
                    sb.append(line);
                    previous = line;
                }
            }
            appendRepeats(sb, repeats);
        }
        String out = sb.toString();
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** A deep recursion shows its repeated call once, as Python does, not thousands of times. */
    private static void appendRepeats(StringBuilder sb, int repeats) {
        if (repeats > 0) {
            sb.append("  [the call above repeated ").append(repeats).append(repeats == 1 ? " more time]\n" : " more times]\n");
        }
    }
}
