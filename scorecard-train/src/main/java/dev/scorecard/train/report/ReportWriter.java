package dev.scorecard.train.report;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.report.html.HtmlRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a run's reports into a folder (SPEC §8, §9), as one {@link OutputSet}: the files appear
 * together or not at all, and a rerun on the same input gives byte-identical files. The folder is created
 * when missing. Stateless and thread-safe, as long as two calls do not write the same folder.
 */
public final class ReportWriter {
    /** The HTML report. */
    public static final String REPORT_HTML = "report.html";
    /** The JSON report. */
    public static final String REPORT_JSON = "report.json";

    private ReportWriter() {
    }

    /** @return the names of the files {@link #writeEvaluation} writes, so a caller can keep its inputs apart */
    public static List<String> evaluationFiles() {
        return List.of(REPORT_HTML, REPORT_JSON, EvaluationTables.GAINS_CSV, EvaluationTables.CUTOFFS_CSV,
                EvaluationTables.GRADES_CSV, EvaluationTables.CALIBRATION_CSV, EvaluationTables.STABILITY_CSV,
                EvaluationTables.SCORE_PSI_CSV);
    }

    /** @return the names of the files {@link #writeMonitor} writes */
    public static List<String> monitorFiles() {
        return List.of(REPORT_HTML, REPORT_JSON);
    }

    /**
     * Writes {@code report.html}, {@code report.json} and the CSV tables of {@link EvaluationTables}.
     *
     * @param input the evaluation to report
     * @param dir the output folder
     * @return the files written, in that order
     * @throws InputDataException when a file cannot be written, naming it
     */
    public static List<Path> writeEvaluation(ReportInput input, Path dir) {
        try (OutputSet set = OutputSet.of(paths(dir, evaluationFiles()))) {
            List<Path> written = writeEvaluation(input, dir, set);
            commit(set);
            return written;
        }
    }

    /**
     * Writes the files of {@link #writeEvaluation(ReportInput, Path)} into a run's output set.
     *
     * @param input the evaluation to report
     * @param dir the output folder
     * @param set the run's outputs, holding {@link #evaluationFiles()} in {@code dir}
     * @return the files written, in that order
     * @throws InputDataException when a file cannot be written, naming it
     */
    public static List<Path> writeEvaluation(ReportInput input, Path dir, OutputSet set) {
        Objects.requireNonNull(input, "input");
        createFolder(dir);
        String html = HtmlRenderer.render(EvaluationReport.build(input));
        List<Path> written = new ArrayList<>();
        written.add(text(set, dir.resolve(REPORT_HTML), w -> w.write(html)));
        written.add(bytes(set, dir.resolve(REPORT_JSON), o -> ReportJson.write(input, o)));
        written.add(text(set, dir.resolve(EvaluationTables.GAINS_CSV), w -> EvaluationTables.writeGains(input.evaluations(),
                input.model().scaling().higherScoreMeans(), w)));
        written.add(text(set, dir.resolve(EvaluationTables.CUTOFFS_CSV), w -> EvaluationTables.writeCutoffs(input.evaluations(), w)));
        written.add(text(set, dir.resolve(EvaluationTables.GRADES_CSV), w -> EvaluationTables.writeGrades(input.evaluations(), w)));
        written.add(text(set, dir.resolve(EvaluationTables.CALIBRATION_CSV),
                w -> EvaluationTables.writeCalibration(input.evaluations(), w)));
        written.add(text(set, dir.resolve(EvaluationTables.STABILITY_CSV),
                w -> EvaluationTables.writeStability(input.evaluations(), w)));
        written.add(text(set, dir.resolve(EvaluationTables.SCORE_PSI_CSV),
                w -> EvaluationTables.writeScorePsi(input.evaluations(), input.model().baseline(), w)));
        return List.copyOf(written);
    }

    /**
     * Writes the monitoring {@code report.html} and {@code report.json}.
     *
     * @param result what monitoring found
     * @param model the model monitored
     * @param dir the output folder
     * @return the files written, in that order
     * @throws InputDataException when a file cannot be written, naming it
     */
    public static List<Path> writeMonitor(MonitorResult result, ScorecardModel model, Path dir) {
        try (OutputSet set = OutputSet.of(paths(dir, monitorFiles()))) {
            List<Path> written = writeMonitor(result, model, dir, set);
            commit(set);
            return written;
        }
    }

    /**
     * Writes the files of {@link #writeMonitor(MonitorResult, ScorecardModel, Path)} into a run's output set.
     *
     * @param result what monitoring found
     * @param model the model monitored
     * @param dir the output folder
     * @param set the run's outputs, holding {@link #monitorFiles()} in {@code dir}
     * @return the files written, in that order
     * @throws InputDataException when a file cannot be written, naming it
     */
    public static List<Path> writeMonitor(MonitorResult result, ScorecardModel model, Path dir, OutputSet set) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
        createFolder(dir);
        String html = HtmlRenderer.render(MonitorReport.build(result, model));
        return List.of(text(set, dir.resolve(REPORT_HTML), w -> w.write(html)),
                bytes(set, dir.resolve(REPORT_JSON), o -> MonitorJson.write(result, model, o)));
    }

    private static void createFolder(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputDataException(dir.toString(), 0, null, "cannot create the output folder: " + e.getMessage());
        }
    }

    /** @return {@code names} in {@code dir} */
    public static List<Path> paths(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).toList();
    }

    private static void commit(OutputSet set) {
        try {
            set.commit();
        } catch (IOException e) {
            throw new InputDataException(set.members().get(0).getParent().toString(), 0, null,
                    "cannot put the reports in place: " + e.getMessage());
        }
    }

    private static Path text(OutputSet set, Path file, AtomicOutput.TextContent content) {
        try {
            set.writeText(file, content);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    private static Path bytes(OutputSet set, Path file, AtomicOutput.StreamContent content) {
        try {
            set.write(file, content);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }
}
