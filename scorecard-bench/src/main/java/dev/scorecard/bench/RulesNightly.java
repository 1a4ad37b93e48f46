package dev.scorecard.bench;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.rules.RulesWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue 14's "the incremental night over one day's events (about 1/90 of the log) in at most 5 s":
 * the log less its last 1/90 of lines is read once into a state (night 0, a full read), then the
 * last 1/90 is appended and the next night is run from the state, as often as asked (the state and
 * the log are put back before each repeat), with a full read of the same log and night for
 * comparison. {@code java -Xmx2g -cp "scorecard-bench/target/benchmarks.jar:scorecard-cli/target/lib/*"
 * dev.scorecard.bench.RulesNightly LEADS EVENTS RULES AS_OF [RUNS]}; AS_OF is the day of the
 * incremental night.
 */
public final class RulesNightly {
    private RulesNightly() {
    }

    /** @param args leads file, events file, rules file, as-of day, optional number of runs (default 3) */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path leads = Path.of(args[0]);
        Path rules = Path.of(args[2]);
        LocalDate night = LocalDate.parse(args[3]);
        Path dir = Files.createTempDirectory("rules-nightly");
        Path log = dir.resolve("events.csv");
        long size = Files.size(Path.of(args[1]));
        long cut = lineStart(Path.of(args[1]), size - size / 90);
        try (InputStream in = Files.newInputStream(Path.of(args[1])); OutputStream out = Files.newOutputStream(log)) {
            copy(in, out, cut);
        }
        long t0 = System.nanoTime();
        RulesWorkflow.Outcome first = RulesWorkflow.run(request(leads, log, rules, night.minusDays(1), dir.resolve("out0"),
                Optional.of(dir.resolve("state"))), n -> { });
        System.out.printf(Locale.ROOT, "night 0 (full read into the state): %d lines in %.2f s%n", first.events().read(),
                (System.nanoTime() - t0) / 1e9);
        copyTree(dir.resolve("state"), dir.resolve("state0"));
        try (InputStream in = Files.newInputStream(Path.of(args[1]));
                OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            in.skipNBytes(cut);
            in.transferTo(out);
        }
        for (int run = 1; run <= runs; run++) {
            deleteTree(dir.resolve("state"));
            copyTree(dir.resolve("state0"), dir.resolve("state"));
            force(dir.resolve("state")); // a fresh copy is all dirty pages: not what a night finds
            t0 = System.nanoTime();
            RulesWorkflow.Outcome o = RulesWorkflow.run(request(leads, log, rules, night, dir.resolve("out1"),
                    Optional.of(dir.resolve("state"))), n -> { });
            System.out.printf(Locale.ROOT, "night 1 from the state, run %d: %d new lines, %s, %d leads scored in %.2f s%n",
                    run, o.state().orElseThrow().newLines(), o.state().orElseThrow().full().map(w -> "full read: " + w)
                            .orElse("incremental"), o.scored(), (System.nanoTime() - t0) / 1e9);
        }
        t0 = System.nanoTime();
        RulesWorkflow.Outcome full = RulesWorkflow.run(request(leads, log, rules, night, dir.resolve("full"),
                Optional.empty()), n -> { });
        System.out.printf(Locale.ROOT, "night 1 by a full read: %d lines in %.2f s%n", full.events().read(),
                (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "same scores.csv: %s%n", Files.mismatch(dir.resolve("full/scores.csv"),
                dir.resolve("out1/scores.csv")) < 0);
        System.out.printf(Locale.ROOT, "peak heap %d MB (sum of the pools' peaks)%n", FeaturesEndToEnd.peakHeap() >> 20);
        FeaturesEndToEnd.delete(dir);
    }

    private static RulesWorkflow.Request request(Path leads, Path events, Path rules, LocalDate night, Path out,
            Optional<Path> state) {
        return new RulesWorkflow.Request(leads, events, rules, Optional.empty(), night.toString(), out, InputFormat.DEFAULT,
                false, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0.01, state);
    }

    /** @return the start of the line that holds byte {@code at} */
    private static long lineStart(Path file, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            for (long p = at - 1; p > 0; p--) {
                one.clear();
                ch.read(one, p);
                if (one.get(0) == '\n') {
                    return p + 1;
                }
            }
            return 0;
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 20];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            n -= r;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void force(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            FeaturesEndToEnd.delete(dir);
        }
    }
}
