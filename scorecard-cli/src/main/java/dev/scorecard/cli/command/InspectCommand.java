package dev.scorecard.cli.command;

import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.ScorecardException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.ScalingOptions;
import java.io.PrintWriter;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.report.CutoffsCsv;
import dev.scorecard.train.report.EvaluationTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scorecard inspect}: the points table, scaling, grades and metrics of a model, for a terminal,
 * and the training cut-off table when {@code train}'s {@code cutoffs.csv} is beside the model (the
 * model file does not carry it).
 */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        header = "Print a model's points, scaling, grades and metrics.",
        description = "Print a model's points table, scaling, grades and metrics, and the training cut-off table from "
            + "the cutoffs.csv that train wrote beside model.json, when it is there. With --quiet it prints "
            + "nothing: the exit code alone says whether the model loads.",
        footer = {"", "Examples:", "  scorecard inspect --model out/model/model.json",
            "  scorecard inspect out/model/model.json",
            "  scorecard inspect -q out/model/model.json && echo loads",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "The model file (model.json), as every command takes it.")
    Path modelOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The model file, without --model.")
    Path modelParameter;

    @Option(names = "--ignore-checksum", description = "Show a model whose checksum does not match.")
    boolean ignoreChecksum;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path model = model();
        ScorecardModel m = Scorecard.load(model, !ignoreChecksum).model();
        if (output.quiet) {
            return 0; // the model loaded and verified: that is all --quiet asks
        }
        out.print(render(m));
        out.print(cutoffs(model.resolveSibling(EvaluationTables.CUTOFFS_CSV), m));
        out.flush();
        return 0;
    }

    /** @return the model file, given with {@code --model} (as every command takes it) or alone */
    private Path model() {
        if (modelOption != null && modelParameter != null && !modelOption.equals(modelParameter)) {
            throw new IllegalArgumentException("inspect reads one model: --model " + modelOption + " and " + modelParameter
                    + " were both given");
        }
        if (modelOption == null && modelParameter == null) {
            throw new IllegalArgumentException("inspect needs the model: --model FILE");
        }
        return modelOption != null ? modelOption : modelParameter;
    }

    /**
     * @param file the {@code cutoffs.csv} beside the model
     * @return its training bands as a table; a note when it cannot be read or is not this model's
     *     training table; nothing when there is no such file
     */
    static String cutoffs(Path file, ScorecardModel m) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        List<CutoffTable.Band> bands;
        try {
            bands = CutoffsCsv.read(file, "train");
        } catch (ScorecardException e) {
            return String.format(Locale.ROOT, "%ncut-off table: not shown, %s%n", e.getMessage());
        }
        long rows = bands.isEmpty() ? 0 : bands.get(bands.size() - 1).cumRows();
        if (rows != m.provenance().trainRows()) { // e.g. a model file copied beside another run's tables
            return String.format(Locale.ROOT, "%ncut-off table: not shown, %s holds %d training rows and the model %d;"
                    + " it is not this model's%n", file, rows, m.provenance().trainRows());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%s%n", ConsoleText.wrapAfter(String.format(Locale.ROOT, "cut-off table of the"
                + " training rows (%s), highest scores first; approve or call at or above a band's lowest score:",
                file.getFileName()), 2, "; ")));
        String fmt = "  %4s %15s %7s %7s %8s %9s %11s %8s %8s %7s%n";
        sb.append(String.format(Locale.ROOT, fmt, "band", "scores", "rows", "events", "ev.rate", "cum.share",
                "cum.ev.rate", "ev.capt", "ne.capt", "KS"));
        for (CutoffTable.Band b : bands) {
            String scores = b.minScore() == b.maxScore() ? DoubleFormat.format(b.minScore())
                    : DoubleFormat.format(b.minScore()) + " - " + DoubleFormat.format(b.maxScore());
            sb.append(String.format(Locale.ROOT, fmt, b.band(), scores, b.rows(), b.events(), percent(b.eventRate()),
                    percent(b.cumShare()), percent(b.cumEventRate()), percent(b.eventsCaptured()),
                    percent(b.nonEventsCaptured()), String.format(Locale.ROOT, "%.4f", b.ks())));
        }
        return sb.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String render(ScorecardModel m) {
        StringBuilder sb = new StringBuilder();
        ScalingOptions s = m.scaling();
        sb.append(String.format(Locale.ROOT, "model '%s' (%s): target %s, event '%s'%n", m.name(), m.createdWith(),
                m.target(), m.event()));
        sb.append(ConsoleText.wrapAfter(String.format(Locale.ROOT,
                "scaling: %s points at odds %s, %s points to double the odds; a high score means %s",
                DoubleFormat.format(s.basePoints()), DoubleFormat.format(s.baseOdds()), DoubleFormat.format(s.pdo()),
                s.higherScoreMeans().configName().equals("event") ? "the event is likely" : "the event is unlikely"), 2, "; "))
                .append(System.lineSeparator());
        for (SplitMetrics sm : m.metrics()) {
            sb.append(String.format(Locale.ROOT, "%-5s rows %d, events %d: AUC %.4f, KS %.4f, Gini %.4f%n", sm.split(),
                    sm.rows(), sm.events(), sm.auc(), sm.ks(), sm.gini()));
        }
        int width = 12;
        for (Characteristic c : m.characteristics()) {
            for (ModelBin b : c.bins()) {
                width = Math.max(width, Math.min(60, b.label().length()));
            }
        }
        String fmt = "  %-" + width + "s %7s %9s %7s %7s%n";
        sb.append(String.format(Locale.ROOT, "%nbase points: %s%n", DoubleFormat.format(m.basePoints())));
        for (Characteristic c : m.characteristics()) {
            sb.append(String.format(Locale.ROOT, "%n%s (β %.4f)%n", c.name(), c.coefficient()));
            sb.append(String.format(Locale.ROOT, fmt, "bin", "points", "WOE", "count", "rate"));
            for (ModelBin b : c.bins()) {
                String label = b.label().length() > 60 ? b.label().substring(0, 59) + "…" : b.label();
                sb.append(String.format(Locale.ROOT, fmt, label, DoubleFormat.format(b.points()),
                        String.format(Locale.ROOT, "%.4f", b.woe()), b.count(),
                        Double.isNaN(b.eventRate()) ? "-" : String.format(Locale.ROOT, "%.3f", b.eventRate())));
            }
        }
        sb.append(String.format(Locale.ROOT, "%ngrades:%n"));
        List<Grade> grades = m.grades().grades();
        for (int i = 0; i < grades.size(); i++) {
            Grade g = grades.get(i);
            // The lowest grade has no lower bound: it is every score below the grade above it.
            String range = !Double.isInfinite(g.minScore()) ? "score >= " + DoubleFormat.format(g.minScore())
                    : i == 0 ? "any score" : "score < " + DoubleFormat.format(grades.get(i - 1).minScore());
            sb.append(String.format(Locale.ROOT, "  %-4s %s%n", g.name(), range));
        }
        sb.append(String.format(Locale.ROOT, "%n%s%n", ConsoleText.wrapList(String.format(Locale.ROOT,
                "trained on %s (sha256 %s…), %d rows: %d train, %d test (%s), seed %d", m.provenance().dataFile(),
                m.provenance().dataSha256().substring(0, 12), m.provenance().rowsRead(), m.provenance().trainRows(),
                m.provenance().testRows(), m.provenance().split(), m.provenance().seed()), 2)));
        return sb.toString();
    }
}
