package org.adc;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import org.adc.parser.Analysis;

/**
 * The root of a source parsed as {@link AdcLanguage#CHECK_MIME_TYPE}: executing it returns the
 * source's {@link Analysis} and nothing else, so checking a document can never run its recipe.
 */
final class AnalysisRootNode extends RootNode {
    private final Analysis analysis;

    AnalysisRootNode(AdcLanguage language, Analysis analysis) {
        super(language);
        this.analysis = analysis;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return AdcContext.get(this).hostValue(analysis);
    }
}
