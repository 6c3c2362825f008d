package org.adc.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import org.adc.AdcLanguage;

/** The root of a function, lambda, recipe, or a whole script. */
@NodeInfo(language = "adc", description = "root of an adc function or script")
public final class AdcRootNode extends RootNode {
    @Child private AdcNode body;
    private final String name;
    private final SourceSection section;

    public AdcRootNode(AdcLanguage language, FrameDescriptor descriptor, AdcNode body, String name, SourceSection section) {
        super(language, descriptor);
        this.body = body;
        this.name = name;
        this.section = section;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return body.executeGeneric(frame);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public String toString() {
        return name;
    }
}
