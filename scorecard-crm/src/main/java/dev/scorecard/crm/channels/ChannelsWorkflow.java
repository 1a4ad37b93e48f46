package dev.scorecard.crm.channels;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.pipeline.RejectsCheck;
import dev.scorecard.train.report.html.HtmlRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@code scorecard channels} does: read the leads, count them by channel and sub-channel as of
 * an instant, shrink the conversion rates by an empirical-Bayes prior, map them to 0–10 initial
 * scores, lay the experts' overrides over them, and write {@code channels.csv} (the table the rule
 * score reads), {@code trend.csv} (leads and conversion by channel and month) and
 * {@code channels.html} as one atomic set, with the rejected rows beside them. Every count adds up:
 * rows read = leads counted + created after {@code --as-of} + without an outcome + rejected.
 */
public final class ChannelsWorkflow {
    /** The channel table. */
    public static final String CHANNELS_CSV = "channels.csv";
    /** Leads and conversion by channel and month. */
    public static final String TREND_CSV = "trend.csv";
    /** The page for people. */
    public static final String CHANNELS_HTML = "channels.html";
    /** The rejects file's name in the output folder, unless one is given. */
    public static final String REJECTS_CSV = "rejects.csv";

    /**
     * @param leads the leads file
     * @param outDir where the outputs go (created when absent)
     * @param format delimiter, encoding, header and the zone of local times and months
     * @param asOf count only what was known at this time (inclusive), as written; empty for everything
     * @param overrides the experts' score table, if any
     * @param options thin threshold, mapping, credible level
     * @param rejectsFile where rejected rows go (default {@code OUT/rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     */
    public record Request(Path leads, Path outDir, InputFormat format, Optional<String> asOf, Optional<Path> overrides,
            ChannelOptions options, Optional<Path> rejectsFile, double maxRejectShare) {
        /** Checks nothing is null, the share is a share and {@code asOf} is a time. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(overrides, "overrides");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(rejectsFile, "rejectsFile");
            RejectsCheck.requireShare(maxRejectShare);
            asOfMillis(asOf, format.timestamps());
        }

        /** @return the {@code --as-of} instant in epoch milliseconds, or empty */
        public OptionalLong asOfMillis() {
            return asOfMillis(asOf, format.timestamps());
        }

        private static OptionalLong asOfMillis(Optional<String> text, Timestamps times) {
            if (text.isEmpty()) {
                return OptionalLong.empty();
            }
            long t = times.parse(text.get());
            if (t == Timestamps.INVALID) {
                throw new IllegalArgumentException("--as-of: '" + text.get() + "' is not a time; expected e.g. "
                        + "2026-11-30T23:59:59+08:00, 2026-11-30 23:59:59 (in --timezone) or 2026-11-30 (its start)");
            }
            return OptionalLong.of(t);
        }

        /** @return the rejects file */
        public Path rejectsPath() {
            return rejectsFile.orElse(outDir.resolve(REJECTS_CSV));
        }
    }

    /**
     * @param scores the channel table
     * @param rowsRead data rows read
     * @param used leads counted
     * @param createdLater leads created after {@code --as-of}
     * @param withoutOutcome leads whose {@code converted} is empty
     * @param rejected rows rejected; {@code rowsRead = used + createdLater + withoutOutcome + rejected}
     * @param written the files written
     * @param rejectsFile the rejects file, when rows were rejected
     */
    public record Outcome(ChannelScores scores, long rowsRead, long used, long createdLater, long withoutOutcome, long rejected,
            List<Path> written, Optional<Path> rejectsFile) {
        /** Copies the list. */
        public Outcome {
            written = List.copyOf(written);
        }
    }

    private ChannelsWorkflow() {
    }

    /** @return the files a run writes: the table, the trend, the page and the rejects file */
    public static List<Path> members(Request request) {
        return List.of(request.outDir().resolve(CHANNELS_CSV), request.outDir().resolve(TREND_CSV),
                request.outDir().resolve(CHANNELS_HTML), request.rejectsPath());
    }

    /**
     * @param request what to read and how to score
     * @return the table and what was written
     * @throws InputDataException for a bad leads or overrides file, too many rejects, or no lead to count
     */
    public static Outcome run(Request request) {
        // The overrides first: a typo there fails before a long read.
        ScoreOverrides overrides = request.overrides().map(ScoreOverrides::read).orElse(ScoreOverrides.none());
        Path rejectsPath = request.rejectsPath();
        try (OutputSet set = OutputSet.of(members(request))) {
            RejectsStream[] rejects = new RejectsStream[1];
            LeadTable table;
            try {
                table = LeadTable.read(request.leads(), request.format(),
                        header -> rejects[0] = new RejectsStream(set, rejectsPath, header));
            } finally {
                close(rejects[0]);
            }
            Optional<Path> rejectsFile = table.rowsRejected() > 0 ? Optional.of(rejectsPath) : Optional.empty();
            String data = request.leads().toString();
            RejectsCheck.settle(set, data, rejectsFile, table.rowsRejected(), table.rowsRead(), table.size(),
                    request.maxRejectShare(), "used", "");
            LeadCounts counts = LeadCounts.of(table, request.asOfMillis(), request.format().zone());
            if (counts.used() == 0) {
                commit(set);
                throw new InputDataException(data, 0, null, "no lead to count: " + counts.createdLater()
                        + " created after --as-of " + request.asOf().orElse("") + ", " + counts.withoutOutcome()
                        + " without an outcome (converted empty)");
            }
            Map<String, Set<String>> names = new LinkedHashMap<>();
            counts.channels().keySet().forEach(c -> names.put(c, counts.subChannels().containsKey(c)
                    ? counts.subChannels().get(c).keySet() : Set.of()));
            overrides.check(names);
            ChannelScores scores = ChannelScorer.score(counts, request.options(), overrides);
            List<Path> written = new ArrayList<>();
            Path dir = request.outDir();
            written.add(write(set, dir.resolve(CHANNELS_CSV), out -> ChannelsCsv.write(out, scores.rows())));
            written.add(write(set, dir.resolve(TREND_CSV), out -> ChannelsCsv.writeTrend(out, counts.months())));
            String html = HtmlRenderer.render(ChannelsPage.build(request.leads().getFileName().toString(),
                    request.asOf().orElse(""), request.format().zone().getId(), counts, scores, request.options()));
            Path page = dir.resolve(CHANNELS_HTML);
            try {
                written.add(set.writeText(page, w -> w.write(html)));
            } catch (IOException e) {
                throw new InputDataException(page.toString(), 0, null, "cannot write: " + e.getMessage());
            }
            commit(set);
            return new Outcome(scores, counts.rowsRead(), counts.used(), counts.createdLater(), counts.withoutOutcome(),
                    counts.rowsRejected(), written, rejectsFile);
        }
    }

    private static Path write(OutputSet set, Path file, dev.scorecard.train.io.AtomicOutput.StreamContent content) {
        try {
            return set.write(file, content);
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    private static void close(RejectsStream rejects) {
        if (rejects != null) {
            try {
                rejects.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file " + rejects.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void commit(OutputSet set) {
        try {
            set.commit();
        } catch (IOException e) {
            throw new InputDataException(set.members().get(0).getParent().toString(), 0, null,
                    "cannot put the outputs in place: " + e.getMessage());
        }
    }
}
