package dev.scorecard.crm.blend;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.spec.Hundredths;
import dev.scorecard.crm.spec.ScoreBands;
import dev.scorecard.crm.spec.GradesCsv;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code scorecard blend}: one 0–100 score per lead from its parts — the channel score (0–10, times
 * 10), the rule score, a model's score mapped onto 0–100 — weighted as the blend YAML says, with the
 * 10-point score, the grade, the fit and engagement subtotals, each part's value and contribution
 * (the contributions add up to the score exactly, {@link Ledger}) and the biggest contributors as
 * reasons; written with the grade distribution into one output set.
 */
public final class BlendWorkflow {
    /** The blended scores. */
    public static final String BLENDED_CSV = "blended.csv";
    /** The grade distribution. */
    public static final String GRADES_CSV = "grades.csv";
    /** Rejected lead rows. */
    public static final String LEAD_REJECTS_CSV = "lead-rejects.csv";
    /** Rejected rows of the rules' scores. */
    public static final String RULES_REJECTS_CSV = "rules-rejects.csv";
    /** Rejected rows of the model's scores. */
    public static final String MODEL_REJECTS_CSV = "model-rejects.csv";

    /**
     * @param leads the leads file
     * @param config the blend YAML
     * @param channels the channel table ({@code channels.csv} of {@code scorecard channels}), if any
     * @param rulesScores the rules' {@code scores.csv}, if any
     * @param modelScores the output of {@code scorecard score} with a {@code lead_id} column, if any
     * @param outDir where the outputs go
     * @param format the leads file's delimiter, encoding and zone
     * @param maxRejectShare the run fails when any file has more rejected rows than this share
     */
    public record Request(Path leads, Path config, Optional<Path> channels, Optional<Path> rulesScores,
            Optional<Path> modelScores, Path outDir, InputFormat format, double maxRejectShare) {
        /** Checks. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(format, "format");
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(BLENDED_CSV), outDir.resolve(GRADES_CSV), outDir.resolve(LEAD_REJECTS_CSV),
                    outDir.resolve(RULES_REJECTS_CSV), outDir.resolve(MODEL_REJECTS_CSV));
        }
    }

    /**
     * How one part went.
     *
     * @param part its name: channel, rules or model
     * @param side fit or engagement
     * @param weightShare its weight over all parts' weights
     * @param rowsRead rows of its file read (for the channel part: the leads looked up)
     * @param rowsRejected rows of its file rejected (0 for the channel part, whose table is checked whole)
     * @param leadsWith blended leads that have the part
     * @param leadsFilled blended leads without it that got its fill
     */
    public record PartOutcome(String part, String side, double weightShare, long rowsRead, long rowsRejected,
            long leadsWith, long leadsFilled) {
    }

    /**
     * @param leadsRead lead rows read
     * @param leadsRejected lead rows rejected
     * @param withoutParts leads no part has a score for (not blended)
     * @param blended leads blended; {@code leadsRead = blended + withoutParts + leadsRejected}
     * @param parts each part configured, in order
     * @param grades the grades, best first
     * @param gradeCounts leads per grade, in the order of {@code grades}
     * @param written the files written
     */
    public record Outcome(long leadsRead, long leadsRejected, long withoutParts, long blended, List<PartOutcome> parts,
            List<String> grades, long[] gradeCounts, List<Path> written) {
    }

    private BlendWorkflow() {
    }

    /**
     * @param request what to blend
     * @return the counts and the files written
     * @throws InputDataException for bad input, naming the file, line and column or the YAML key
     * @throws IllegalArgumentException when a configured part has no file or a file no part
     */
    public static Outcome run(Request request) {
        BlendSpec spec = BlendSpec.read(request.config());
        Path dir = request.outDir();
        try (OutputSet set = OutputSet.of(request.members())) {
            PartValues in = PartValues.read(spec, request.leads(), request.channels(), request.rulesScores(),
                    request.modelScores(), request.format(), request.maxRejectShare(), set, dir, dir.resolve(BLENDED_CSV));
            LeadTable leads = in.leads;
            List<BlendSpec.PartSpec> parts = in.parts;
            int n = parts.size();
            long[][] values = in.values;
            PartFile[] partFiles = in.files;
            List<Path> written = new ArrayList<>(in.rejectsWritten);
            ScoreBands bands = spec.bands();
            long[] gradeCounts = new long[bands.grades().size()];
            long[] with = new long[n];
            long[] filled = new long[n];
            long[] counts = new long[2]; // blended, without parts
            set.write(dir.resolve(BLENDED_CSV), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                List<String> header = new ArrayList<>(List.of(LeadTable.ID, "score100", "score10", "grade",
                        Side.FIT.configName, Side.ENGAGEMENT.configName));
                for (BlendSpec.PartSpec ps : parts) {
                    header.add(ps.part().configName);
                    header.add(ps.part().configName + "_contribution");
                }
                for (int r = 1; r <= spec.reasons(); r++) {
                    header.add("reason_" + r);
                }
                w.row(header);
                long[] weights = new long[n];
                long[] v = new long[n];
                for (int i = 0; i < leads.size(); i++) {
                    int present = 0;
                    long sumWeights = 0;
                    for (int p = 0; p < n; p++) {
                        BlendSpec.PartSpec ps = parts.get(p);
                        long x = values[p][i];
                        if (x >= 0) {
                            present++;
                            weights[p] = ps.weight();
                            v[p] = x;
                        } else if (ps.fill().isPresent()) {
                            weights[p] = ps.weight();
                            v[p] = ps.fill().getAsLong();
                        } else {
                            weights[p] = 0;
                            v[p] = 0;
                        }
                        sumWeights += weights[p];
                    }
                    if (present == 0 || sumWeights == 0) {
                        counts[1]++;
                        continue;
                    }
                    long[] c = Ledger.split(weights, v);
                    long score = 0;
                    long fit = 0;
                    for (int p = 0; p < n; p++) {
                        score += c[p];
                        if (parts.get(p).side() == Side.FIT) {
                            fit += c[p];
                        }
                        if (values[p][i] >= 0) {
                            with[p]++;
                        } else if (weights[p] > 0) {
                            filled[p]++;
                        }
                    }
                    int grade = bands.grade(score);
                    gradeCounts[grade]++;
                    counts[0]++;
                    w.field(leads.id(i));
                    w.comma();
                    w.field(Hundredths.format(score));
                    w.comma();
                    w.number(bands.score10(score));
                    w.comma();
                    w.field(bands.grades().get(grade).name());
                    w.comma();
                    w.field(Hundredths.format(fit));
                    w.comma();
                    w.field(Hundredths.format(score - fit));
                    for (int p = 0; p < n; p++) {
                        w.comma();
                        if (values[p][i] >= 0) {
                            w.field(Hundredths.format(values[p][i]));
                        }
                        w.comma();
                        w.field(Hundredths.format(c[p]));
                    }
                    if (spec.reasons() > 0) {
                        List<String> reasons = reasons(spec.reasons(), parts, partFiles, values, i, weights, sumWeights, c);
                        for (int r = 0; r < spec.reasons(); r++) {
                            w.comma();
                            if (r < reasons.size()) {
                                w.field(reasons.get(r));
                            }
                        }
                    }
                    w.endRow();
                }
                w.flush();
            });
            written.add(0, dir.resolve(BLENDED_CSV));
            set.write(dir.resolve(GRADES_CSV), stream -> GradesCsv.write(stream, bands, gradeCounts, counts[0]));
            written.add(1, dir.resolve(GRADES_CSV));
            set.commit();
            long allWeights = parts.stream().mapToLong(BlendSpec.PartSpec::weight).sum();
            List<PartOutcome> outcomes = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                BlendSpec.PartSpec ps = parts.get(p);
                outcomes.add(new PartOutcome(ps.part().configName, ps.side().configName, (double) ps.weight()
                        / allWeights, partFiles[p] == null ? leads.size() : partFiles[p].rowsRead, partFiles[p] == null ? 0
                                : partFiles[p].rowsRejected, with[p], filled[p]));
            }
            return new Outcome(leads.rowsRead(), leads.rowsRejected(), counts[1], counts[0], outcomes,
                    bands.grades().stream().map(ScoreBands.Grade::name).toList(), gradeCounts, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the command-line option that gives a part's file */
    static String option(Part p) {
        return switch (p) {
            case CHANNEL -> "--channels";
            case RULES -> "--rules-scores";
            case MODEL -> "--model-scores";
        };
    }

    /**
     * The biggest contributors of a lead's score, largest first by size (either sign), the earlier on
     * a tie: the channel part as a whole, and each ledger column of the rules' and the model's files
     * ({@link PartFile}), in blend points (the column's points times the part's share of the lead's
     * weights, and for the model its mapping's slope). A filled part gives none; a contributor under
     * half a hundredth is left out.
     */
    private static List<String> reasons(int count, List<BlendSpec.PartSpec> parts, PartFile[] files, long[][] values,
            int lead, long[] weights, long sumWeights, long[] contributions) {
        List<String> labels = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (values[p][lead] < 0 || weights[p] == 0) {
                continue;
            }
            BlendSpec.PartSpec ps = parts.get(p);
            if (files[p] == null) {
                labels.add(ps.part().configName);
                amounts.add((double) contributions[p]);
                continue;
            }
            double share = (double) weights[p] / sumWeights;
            double scale = ps.part() == Part.MODEL ? ps.slope() : 1;
            int k = files[p].items.size();
            for (int j = 0; j < k; j++) {
                labels.add(ps.part().configName + " " + files[p].items.get(j));
                amounts.add(files[p].points[lead * k + j] * scale * share * 100);
            }
        }
        Integer[] order = new Integer[labels.size()];
        Arrays.setAll(order, j -> j);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(amounts.get(j))));
        List<String> out = new ArrayList<>();
        for (int j : order) {
            long cents = Math.round(amounts.get(j));
            if (cents == 0 || out.size() == count) {
                break;
            }
            out.add(labels.get(j) + " " + (cents > 0 ? "+" : "") + Hundredths.format(cents));
        }
        return out;
    }
}
