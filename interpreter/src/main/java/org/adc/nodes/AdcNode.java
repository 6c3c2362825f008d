package org.adc.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Base of every executable node. Like SimpleLanguage's SLExpressionNode, a node stores its
 * source position as character index and length and builds the SourceSection on demand from
 * its root's source. Statements are nodes whose value is ignored.
 */
@TypeSystemReference(AdcTypes.class)
@NodeInfo(language = "adc", description = "abstract adc node")
public abstract class AdcNode extends Node {
    private static final int NO_SOURCE = -1;
    private int sourceCharIndex = NO_SOURCE;
    private int sourceLength;

    public abstract Object executeGeneric(VirtualFrame frame);

    public void executeVoid(VirtualFrame frame) {
        executeGeneric(frame);
    }

    public long executeLong(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Long l) {
            return l;
        }
        throw new UnexpectedResultException(v);
    }

    public double executeDouble(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Double d) {
            return d;
        }
        throw new UnexpectedResultException(v);
    }

    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new UnexpectedResultException(v);
    }

    public final void setSourceSection(int charIndex, int length) {
        this.sourceCharIndex = charIndex;
        this.sourceLength = length;
    }

    /** Offset of the node's source text (as the parser counts), valid when {@link #hasSource()}. */
    public final int sourceCharIndex() {
        return sourceCharIndex;
    }

    public final int sourceLength() {
        return sourceLength;
    }

    public final boolean hasSource() {
        return sourceCharIndex != NO_SOURCE;
    }

    @Override
    @TruffleBoundary
    public final SourceSection getSourceSection() {
        if (sourceCharIndex == NO_SOURCE) {
            return null;
        }
        SourceSection rootSection = getRootNode() == null ? null : getRootNode().getSourceSection();
        if (rootSection == null) {
            return null;
        }
        Source source = rootSection.getSource();
        if (sourceCharIndex + sourceLength > source.getLength()) {
            return null;
        }
        return source.createSection(sourceCharIndex, sourceLength);
    }
}
