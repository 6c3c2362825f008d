package org.adc.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;

import org.adc.AdcContext;
import org.adc.lang.Module;
import org.adc.lang.None;
import org.adc.nodes.AdcNode;
import org.adc.runtime.GlobalCell;
import org.adc.runtime.GlobalScope;

/**
 * {@code import "profiles.adc" as p}: runs a local module's top-level statements once per run
 * (its names live in the global scope under the module's prefix, its own namespace) and binds a
 * {@link Module} of its exported names to the alias. A second import of the same file, from the
 * recipe or another module, binds the module already run.
 */
@NodeInfo(shortName = "import")
public final class LocalImportNode extends AdcNode {
    private final RootCallTarget target;
    private final String alias;
    private final String name;
    private final String file;
    private final String prefix;
    private final String[] exported;

    /**
     * @param target   the module's root (its top-level statements)
     * @param alias    the global-scope name the module is bound to
     * @param name     the module's name (its file name without .adc)
     * @param file     its path relative to the recipe's folder
     * @param prefix   the global-scope prefix of its top-level names
     * @param exported the names it exports (top-level names not starting with '_')
     */
    public LocalImportNode(RootCallTarget target, String alias, String name, String file, String prefix, String[] exported) {
        this.target = target;
        this.alias = alias;
        this.name = name;
        this.file = file;
        this.prefix = prefix;
        this.exported = exported;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        bind();
        return None.INSTANCE;
    }

    @TruffleBoundary
    private void bind() {
        GlobalScope g = AdcContext.get(this).globals();
        GlobalCell loaded = g.find(prefix + "(module)");
        Module m;
        if (loaded != null && loaded.value instanceof Module done) {
            m = done;
        } else {
            target.call();
            m = new Module(name, "local module " + file);
            for (String n : exported) {
                GlobalCell c = g.find(prefix + n);
                if (c != null) {
                    m.members().put(n, c.value);
                }
            }
            g.define(prefix + "(module)", m, false);
        }
        g.define(alias, m, false);
    }
}
