package org.adc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adc pack FILE -o NAME.adcz}: writes a bundle with the recipe, the local modules it imports
 * and the data files it reads. Which files: found without running the recipe, by reading it: every
 * plain string literal that names an existing file inside the recipe's folder (how adc recipes name
 * their data: {@code table("table1_barriers.csv")}), every file matching an interpolated string with a fixed
 * extension ({@code "data/${name}.sitable"} → data/*.sitable), every import that names a local
 * {@code NAME.adc} instead of a library module, plus the inputs a recorded run actually read
 * ({@code --from-run RUN_DIR}, for paths built at run time) and files named with {@code --include}.
 * Lab configuration (ports, addresses) and credentials are never packed (see {@link Bundle#refusal}).
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
    description = "Bundle a recipe with the files it reads into one .adcz archive (manifest with SHA-256 hashes).")
final class Pack implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .adc recipe")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE", description = "the bundle to write (default: NAME.adcz here)")
    Path output;

    @Option(names = "--from-run", paramLabel = "RUN_DIR", description = "also pack the input files a recorded run read (its run.json)")
    Path fromRun;

    @Option(names = "--include", paramLabel = "PATH", description = "also pack this file (inside the recipe's folder)")
    List<Path> include = new ArrayList<>();

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        PrintStream out = main.out;
        PrintStream err = main.err;
        Source source = Main.readScript("adc pack", file, err);
        if (source == null) {
            return Launch.USAGE_ERROR;
        }
        Path recipe = Path.of(file).toAbsolutePath().normalize();
        Path dir = SandboxFileSystem.canonical(recipe.getParent());
        try (Context ctx = Launch.context(new Launch.Options(dir, null, Map.of(), List.of(), List.of()), InputStream.nullInputStream(), out, err)) {
            ctx.parse(source);
        } catch (PolyglotException e) {
            err.println("adc pack: the recipe has errors; nothing was packed");
            return Launch.report(e, err);
        }
        String text = source.getCharacters().toString();
        RecipeScan scan = RecipeScan.of(text);
        Map<String, Bundle.Entry> entries = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        String recipeName = recipe.getFileName().toString();
        entries.put(recipeName, new Bundle.Entry(recipeName, recipe, "recipe"));
        for (String s : scan.strings) {
            consider(dir, s, "data", entries, leftOut, false);
        }
        // local modules, and the modules and data files they name in turn (a module's imports
        // resolve against its own folder, its data paths against the recipe's, as when it runs)
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(scan.modules);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String m = Path.of(todo.poll()).normalize().toString();
            if (!seen.add(m) || !consider(dir, m, "module", entries, leftOut, true)) {
                continue;
            }
            RecipeScan ms = RecipeScan.of(Files.readString(dir.resolve(m)));
            Path folder = Path.of(m).getParent();
            for (String sub : ms.modules) {
                todo.add(folder == null ? sub : folder.resolve(sub).toString());
            }
            for (String s : ms.strings) {
                if (!ms.modules.contains(s)) {
                    consider(dir, s, "data", entries, leftOut, false);
                }
            }
        }
        for (String g : scan.patterns) {
            for (String match : glob(dir, g)) {
                consider(dir, match, "data", entries, leftOut, false);
            }
        }
        if (fromRun != null) {
            Path rj = fromRun.resolve("run.json");
            if (!Files.isRegularFile(rj)) {
                err.println("adc pack: " + fromRun + " has no run.json (give the run directory of an adc run)");
                return Launch.USAGE_ERROR;
            }
            if (RunSeal.check(fromRun, "run.json") == RunSeal.State.TAMPERED) {
                err.println("adc pack: refused: " + rj + " was changed after adc wrote it (its seal in " + RunSeal.FILE + " does not match)");
                return Launch.USAGE_ERROR;
            }
            JsonNode rec = new ObjectMapper().readTree(rj.toFile());
            for (JsonNode in : rec.path("inputs")) {
                String resolved = in.path("resolved").asText("");
                String p = resolved.isEmpty() ? in.path("path").asText("") : resolved;
                consider(dir, p, "data", entries, leftOut, true);
            }
        }
        for (Path p : include) {
            if (!consider(dir, p.toAbsolutePath().normalize().toString(), "data", entries, leftOut, true)) {
                err.println("adc pack: --include " + p + " was not packed (see above)");
                leftOut.forEach(l -> err.println("  " + l));
                return Launch.USAGE_ERROR;
            }
        }
        Path target = output != null ? output : Path.of(recipeName.replaceFirst("\\.adc$", "") + ".adcz");
        if (!target.getFileName().toString().endsWith(".adcz")) {
            err.println("adc pack: the bundle's name must end in .adcz, got " + target);
            return Launch.USAGE_ERROR;
        }
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Bundle.write(target, recipeName, new ArrayList<>(entries.values()));
        } catch (IOException e) {
            err.println("adc pack: cannot write " + target + ": " + e.getMessage());
            return Launch.USAGE_ERROR;
        }
        out.println("packed " + target + " (adc " + org.adc.AdcLanguage.VERSION + "):");
        for (Bundle.Entry e : entries.values()) {
            out.println("  " + e.role() + "  " + e.path() + "  (" + Files.size(e.source()) + " bytes)");
        }
        for (String l : leftOut) {
            out.println("  not packed: " + l);
        }
        long total = 0;
        for (Bundle.Entry e : entries.values()) {
            long size = Files.size(e.source());
            total += size;
            if (size > Bundle.Limits.DEFAULT.maxEntryBytes()) {
                out.println("  note: " + e.path() + " is larger than " + Bundle.human(Bundle.Limits.DEFAULT.maxEntryBytes())
                    + ": whoever runs the bundle needs --bundle-max-entry " + Bundle.human(size).replace(" ", ""));
            }
        }
        if (total > Bundle.Limits.DEFAULT.maxTotalBytes()) {
            out.println("  note: the files add up to more than " + Bundle.human(Bundle.Limits.DEFAULT.maxTotalBytes())
                + ": whoever runs the bundle needs --bundle-max-total");
        }
        out.println("run it anywhere with: adc run " + target);
        return Launch.OK;
    }

    /**
     * Files below the recipe's folder that a path pattern from an interpolated string can name
     * ({@code "data/${name}.sitable"} → data/*.sitable; * stays within one folder). Run
     * directories are skipped.
     */
    private static List<String> glob(Path dir, String pattern) throws IOException {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(re.toString());
        List<String> out = new ArrayList<>();
        try (var files = Files.walk(dir, 8)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("runs/") || rel.contains("/runs/") || rel.startsWith("recorded/") || rel.contains("/recorded/")) {
                    continue;
                }
                if (p.matcher(rel).matches()) {
                    out.add(rel);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Adds a file if it exists inside the recipe's folder and may be packed. Strings that are not
     * files are ignored silently unless {@code explicit}; refused files are listed with the reason.
     */
    private static boolean consider(Path dir, String name, String role, Map<String, Bundle.Entry> entries, List<String> leftOut,
                                    boolean explicit) {
        if (name.isBlank() || name.contains("\n") || name.length() > 4096) {
            return false;
        }
        Path p;
        try {
            p = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return false;
        }
        if (!Files.isRegularFile(p)) {
            if (explicit) {
                leftOut.add(name + " (no such file)");
            }
            return false;
        }
        Path c = SandboxFileSystem.canonical(p);
        if (!c.startsWith(dir)) {
            leftOut.add(name + " (outside the recipe's folder " + dir + "; copy it next to the recipe to pack it)");
            return false;
        }
        String rel = dir.relativize(c).toString().replace('\\', '/');
        if (entries.containsKey(rel)) {
            return true;
        }
        String why = Bundle.refusal(c);
        if (why != null) {
            leftOut.add(rel + " (" + why + ")");
            return false;
        }
        entries.put(rel, new Bundle.Entry(rel, c, role));
        return true;
    }
}
