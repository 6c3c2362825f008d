package org.adc.executor;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.adc.runtime.RunRecord;

/**
 * The files of one task, all inside the run directory: {@code tasks/K/i/} holds {@code result.bin} (the encoded
 * result), {@code status.json} (state, exit status, job/array/step id, node, start/end, restart count, the result's
 * SHA-256, the error) and {@code task.log} (the task's output). A task writes them itself, each by write-then-rename,
 * so a reader sees either the old file or the whole new one, and a requeued task simply writes them again.
 */
final class TaskFiles {
    static final ObjectMapper OM = new ObjectMapper();

    private TaskFiles() {
    }

    static Path fanoutDir(Path root, int k) {
        return root.resolve("tasks").resolve(Integer.toString(k));
    }

    static Path taskDir(Path root, int k, int i) {
        return fanoutDir(root, k).resolve(Integer.toString(i));
    }

    static void writeAtomically(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.write(tmp, data);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void writeJson(Path file, JsonNode n) throws IOException {
        writeAtomically(file, (OM.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The task's status.json, or null when it has none (not started, or its file is unreadable). */
    static ObjectNode status(Path taskDir) {
        Path f = taskDir.resolve("status.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return OM.readTree(f.toFile()) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The result bytes of a finished task whose hash matches its status, or null. */
    static byte[] verifiedResult(Path taskDir) {
        ObjectNode st = status(taskDir);
        if (st == null || !"done".equals(st.path("state").asText()) || st.path("exit_status").asInt(-1) != 0) {
            return null;
        }
        try {
            byte[] b = Files.readAllBytes(taskDir.resolve("result.bin"));
            return RunRecord.sha256(b).equals(st.path("sha256").asText()) ? b : null;
        } catch (IOException e) {
            return null;
        }
    }
}
