package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 11, "every command with a worked example and its real output": replays every {@code console}
 * block of {@code docs/commands.md} and fails when what the commands print differs from the page.
 *
 * <p>The conventions are the ones the page states at its top. A block runs in a fresh, empty working
 * folder that holds copies of {@code datasets/}, {@code examples/configs/} and {@code examples/crm/}, with {@code scorecard}
 * on the PATH (this module's classes, as {@code bin/scorecard} runs them). A line starting {@code $ }
 * is a command, run by {@code sh -c} (a line ending in {@code \} goes on on the next); the lines up to
 * the next command are what it prints, standard output and standard error together as on a terminal,
 * then {@code [exit N]} when it exits with N other than 0. A line {@code …} alone stands for one or more
 * lines left out. Before comparing, both sides get the same normalisation, and only this: the working
 * folder's absolute path is removed, a version string ({@code scorecard 0.1.0-SNAPSHOT}, {@code
 * scorecard dev}, with the commit and build date when the jar has them) reads {@code scorecard VERSION},
 * and trailing spaces are dropped. Nothing else varies: progress bars are drawn only on a terminal, and
 * no command prints a time.
 *
 * <p>{@code mvn -o -q test -pl scorecard-cli -am -Dtest=CommandsDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddocs.update=true} writes the real outputs into the page instead of failing (keeping each {@code …}
 * with as many lines before and after it as the page had); a normal run never writes into the repository.
 */
class CommandsDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOC = ROOT.resolve("docs").resolve("commands.md");
    private static final String OMITTED = "…";
    private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)]");
    private static final Pattern VERSION = Pattern.compile(
            "scorecard (?:dev|\\d+\\.\\d+\\.\\d+[-.A-Za-z0-9]*)(?: \\(commit [^,()]+, built [^()]+\\))?");
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;

    /** A command of a block, what the page says it prints, and where that is in the page. */
    record Step(List<String> command, List<String> output, int exitCode, int firstOutputLine, int endLine) {
        String commandText() {
            return String.join("\n", command);
        }
    }

    /** A {@code console} block: its steps, and its first line in the page (0-based). */
    record Block(int line, List<Step> steps) {
    }

    @Test
    void everyConsoleBlockPrintsWhatThePageSays() throws Exception {
        List<String> page = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = blocks(page);
        assertThat(blocks).as("console blocks in %s", DOC).hasSizeGreaterThan(10);
        boolean update = Boolean.getBoolean("docs.update");
        List<String> failures = new ArrayList<>();
        // Replacements in the page, from the last line up so earlier line numbers stay right.
        List<Object[]> edits = new ArrayList<>();
        int n = 0;
        for (Block block : blocks) {
            Path dir = workingFolder(n++);
            for (Step step : block.steps()) {
                Run run = run(dir, step.commandText());
                List<String> actual = run.output().lines().map(l -> normalise(l, dir)).toList();
                List<String> expected = step.output().stream().map(l -> normalise(l, dir)).toList();
                boolean same = matches(expected, 0, actual, 0) && run.exitCode() == step.exitCode();
                if (same) {
                    continue;
                }
                if (update) {
                    List<String> lines = new ArrayList<>(updated(step.output(), run.output().lines().toList(), dir));
                    if (run.exitCode() != 0) {
                        lines.add("[exit " + run.exitCode() + "]");
                    }
                    edits.add(new Object[] {step.firstOutputLine(), step.endLine(), lines});
                } else {
                    failures.add(String.format("docs/commands.md:%d: $ %s%n  exit code: page %d, real %d%n"
                            + "  the page says:%n%s%n  the command prints:%n%s", step.firstOutputLine(),
                            step.commandText().replace("\n", "\n    "), step.exitCode(), run.exitCode(),
                            indent(step.output()), indent(run.output().lines().toList())));
                }
            }
        }
        if (update && !edits.isEmpty()) {
            List<String> rewritten = new ArrayList<>(page);
            for (int i = edits.size() - 1; i >= 0; i--) {
                int from = (int) edits.get(i)[0];
                int to = (int) edits.get(i)[1];
                @SuppressWarnings("unchecked")
                List<String> lines = (List<String>) edits.get(i)[2];
                rewritten.subList(from, to).clear();
                rewritten.addAll(from, lines);
            }
            Files.write(DOC, rewritten, StandardCharsets.UTF_8);
            System.out.println("CommandsDocTest: rewrote " + edits.size() + " outputs in " + DOC);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " command(s) in docs/commands.md print something else than the page says "
                    + "(rerun with -Ddocs.update=true to take the real outputs):\n\n" + String.join("\n\n", failures));
        }
    }

    /** A new command cannot go undocumented: each has a section with a worked example. */
    @Test
    void everyCommandHasASectionWithAWorkedExample() throws IOException {
        List<String> page = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = blocks(page);
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        for (String name : root.getSubcommands().keySet()) {
            String heading = "## scorecard " + name;
            int start = page.indexOf(heading);
            if (start < 0) {
                missing.add(name + ": no section '" + heading + "'");
                continue;
            }
            int end = start + 1;
            while (end < page.size() && !page.get(end).startsWith("## ")) {
                end++;
            }
            int from = start;
            int to = end;
            boolean example = blocks.stream().filter(b -> b.line() > from && b.line() < to)
                    .flatMap(b -> b.steps().stream())
                    .anyMatch(s -> s.commandText().startsWith("scorecard " + name + " ")
                            || s.commandText().equals("scorecard " + name));
            if (!example) {
                missing.add(name + ": no console block running 'scorecard " + name + "' in its section");
            }
        }
        assertThat(missing).as("commands of ScorecardCommand without their section in docs/commands.md").isEmpty();
        assertThat(page).as("the closing sections").contains("## Exit codes", "## Error messages");
    }

    /** The parser the replay relies on, on a block with every convention in it. */
    @Test
    void theConventionsParseAsThePageDescribesThem() {
        List<String> page = List.of("text", "```console", "$ scorecard bin --data a.csv \\", "    --out out", "line 1",
                "…", "last", "$ scorecard nothing", "[exit 2]", "```", "```sh", "$ not a console block", "```");
        List<Block> blocks = blocks(page);
        assertThat(blocks).hasSize(1);
        List<Step> steps = blocks.get(0).steps();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).commandText()).isEqualTo("scorecard bin --data a.csv \\\n    --out out");
        assertThat(steps.get(0).output()).containsExactly("line 1", "…", "last");
        assertThat(steps.get(0).exitCode()).isZero();
        assertThat(steps.get(1).output()).isEmpty();
        assertThat(steps.get(1).exitCode()).isEqualTo(2);
        assertThat(matches(List.of("a", OMITTED, "d"), 0, List.of("a", "b", "c", "d"), 0)).isTrue();
        assertThat(matches(List.of("a", OMITTED, "d"), 0, List.of("a", "d"), 0)).as("… is at least one line").isFalse();
        assertThat(matches(List.of("a", OMITTED), 0, List.of("a", "b", "c"), 0)).isTrue();
        assertThat(matches(List.of("a", "b"), 0, List.of("a", "b", "c"), 0)).isFalse();
        Path dir = Path.of("/tmp/work");
        assertThat(normalise("model 'm' (scorecard 0.1.0-SNAPSHOT): target t  ", dir)).isEqualTo("model 'm' (scorecard VERSION): target t");
        assertThat(normalise("scorecard 0.1.0 (commit 37d7f81a2b3c, built 2026-12-02T18:50:01Z)", dir)).isEqualTo("scorecard VERSION");
        assertThat(normalise("scorecard dev", dir)).isEqualTo("scorecard VERSION");
        assertThat(normalise("error: /tmp/work/out/x.csv and /tmp/work", dir)).isEqualTo("error: out/x.csv and .");
        assertThat(updated(List.of("a", OMITTED, "z"), List.of("a", "b", "c", "y"), dir)).containsExactly("a", OMITTED, "y");
        assertThat(updated(List.of("a", OMITTED, "z"), List.of("a", "y"), dir)).containsExactly("a", "y");
    }

    static List<Block> blocks(List<String> page) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!page.get(i).equals("```console")) {
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < page.size() && !page.get(end).equals("```")) {
                end++;
            }
            List<Step> steps = new ArrayList<>();
            int j = start + 1;
            while (j < end) {
                if (!page.get(j).startsWith("$ ")) {
                    throw new IllegalStateException("docs/commands.md:" + (j + 1) + ": a console block starts with '$ '");
                }
                List<String> command = new ArrayList<>(List.of(page.get(j).substring(2)));
                while (command.get(command.size() - 1).endsWith("\\") && j + 1 < end) {
                    command.add(page.get(++j));
                }
                int first = ++j;
                while (j < end && !page.get(j).startsWith("$ ")) {
                    j++;
                }
                List<String> output = new ArrayList<>(page.subList(first, j));
                int exit = 0;
                if (!output.isEmpty()) {
                    Matcher m = EXIT.matcher(output.get(output.size() - 1));
                    if (m.matches()) {
                        exit = Integer.parseInt(m.group(1));
                        output.remove(output.size() - 1);
                    }
                }
                steps.add(new Step(command, output, exit, first, j));
            }
            blocks.add(new Block(start, steps));
            i = end;
        }
        return blocks;
    }

    /** @return whether the page's lines (with {@code …} for one or more lines) match the real ones */
    static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals(OMITTED)) {
            for (int skip = a + 1; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && expected.get(e).equals(actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    /** The normalisation the page states: the working folder, the version, trailing spaces. */
    static String normalise(String line, Path dir) {
        String s = line.replace(dir + "/", "").replace(dir.toString(), ".");
        s = VERSION.matcher(s).replaceAll("scorecard VERSION");
        return s.stripTrailing();
    }

    /**
     * @return the real output for the page: all of it when the page has no {@code …}; else as many lines
     *     before the first {@code …} and after the last as the page had, with one {@code …} between them
     *     when lines are left out. A line whose normalised text is unchanged keeps the page's text.
     */
    static List<String> updated(List<String> page, List<String> real, Path dir) {
        int first = page.indexOf(OMITTED);
        List<String> out = new ArrayList<>();
        if (first < 0) {
            for (int i = 0; i < real.size(); i++) {
                out.add(i < page.size() && normalise(page.get(i), dir).equals(normalise(real.get(i), dir)) ? page.get(i) : real.get(i));
            }
            return out;
        }
        int last = page.lastIndexOf(OMITTED);
        int head = first;
        int tail = page.size() - 1 - last;
        if (head + tail >= real.size()) {
            return updated(List.of(), real, dir);
        }
        for (int i = 0; i < head; i++) {
            out.add(normalise(page.get(i), dir).equals(normalise(real.get(i), dir)) ? page.get(i) : real.get(i));
        }
        out.add(OMITTED);
        for (int i = 0; i < tail; i++) {
            String p = page.get(last + 1 + i);
            String r = real.get(real.size() - tail + i);
            out.add(normalise(p, dir).equals(normalise(r, dir)) ? p : r);
        }
        return out;
    }

    private static String indent(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append("    ").append(l).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** @return a fresh folder with copies of datasets/, examples/configs/ and examples/crm/ and scorecard on its PATH */
    private Path workingFolder(int n) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("block-" + n)).toRealPath();
        copy(ROOT.resolve("datasets"), dir.resolve("datasets"));
        copy(ROOT.resolve("examples").resolve("configs"), dir.resolve("examples").resolve("configs"));
        copy(ROOT.resolve("examples").resolve("crm"), dir.resolve("examples").resolve("crm"));
        return dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private Path launcher() throws IOException {
        Path bin = tmp.resolve("bin");
        Path script = bin.resolve("scorecard");
        if (!Files.exists(script)) {
            Files.createDirectories(bin);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // As bin/scorecard runs the tool, from this module's classes and its dependencies.
            Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                    + " -Dfile.encoding=UTF-8 -cp '" + System.getProperty("java.class.path") + "' dev.scorecard.cli.Main \"$@\"\n");
            script.toFile().setExecutable(true);
        }
        return bin;
    }

    /** What a command printed, standard output and standard error together, and its exit code. */
    record Run(String output, int exitCode) {
    }

    private Run run(Path dir, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        for (String v : List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "SCORECARD_JAVA_OPTS", "COLUMNS")) {
            env.remove(v);
        }
        env.put("PATH", launcher() + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LC_ALL", "C.UTF-8");
        env.put("TZ", "UTC");
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Run(new String(bytes, StandardCharsets.UTF_8), p.exitValue());
    }
}
