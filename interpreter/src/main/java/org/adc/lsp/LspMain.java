package org.adc.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server over a pair of streams (stdin/stdout for {@code adc lsp}). */
public final class LspMain {
    private LspMain() {
    }

    /** Delay between the last change of a document and its check. */
    public static final long CHECK_DELAY_MILLIS = 150;

    /**
     * Serves until the input ends. The caller must make sure nothing else writes to {@code out}.
     *
     * @return the exit code: 0 when the client asked to shut down before the input ended
     */
    public static int serve(InputStream in, OutputStream out) throws InterruptedException {
        int[] code = {1};
        AdcLanguageServer[] holder = new AdcLanguageServer[1];
        AdcLanguageServer server = new AdcLanguageServer(CHECK_DELAY_MILLIS, () -> {
            code[0] = holder[0].isShutdown() ? 0 : 1;
            System.exit(code[0]);
        });
        holder[0] = server;
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            System.err.println("adc lsp: connection ended: " + e.getCause());
        }
        return server.isShutdown() ? 0 : 1;
    }
}
