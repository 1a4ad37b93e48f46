package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a run's reports into a folder: every file, atomically, the same bytes on a rerun. Also
 * leaves the German credit reports in {@code target/} ({@code germancredit-report.html} and
 * {@code .json}, {@code germancredit-evaluate-report.html}, {@code germancredit-monitor.html}) to look at.
 */
class ReportWriterTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();

    @TempDir
    Path tmp;

    @Test
    void writesEveryEvaluationFileAndARerunGivesTheSameBytes() throws IOException {
        ReportInput input = F.trainInput(GermanCreditFixture.PASSING);
        Path dir = tmp.resolve("out/report"); // created when missing

        List<Path> first = ReportWriter.writeEvaluation(input, dir);
        List<byte[]> before = read(first);
        List<Path> second = ReportWriter.writeEvaluation(input, dir);

        assertThat(first).extracting(p -> p.getFileName().toString()).containsExactly("report.html", "report.json",
                "gains.csv", "cutoffs.csv", "grades.csv", "calibration.csv", "stability.csv", "score-psi.csv");
        assertThat(second).isEqualTo(first);
        List<byte[]> after = read(second);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("%s", first.get(i)).isEqualTo(before.get(i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("report.html", "report.json", "gains.csv", "cutoffs.csv", "grades.csv",
                            "calibration.csv", "stability.csv", "score-psi.csv");
        }
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Summary</h2>");
        copyToTarget(dir.resolve("report.html"), "germancredit-report.html");
        copyToTarget(dir.resolve("report.json"), "germancredit-report.json");
    }

    @Test
    void writesTheMonitorReportAndJson() throws IOException {
        List<Path> written = ReportWriter.writeMonitor(F.shiftedMonitor(), F.model, tmp);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("report.html", "report.json");
        assertThat(Files.readString(written.get(0), StandardCharsets.UTF_8)).contains("Drift alert");
        assertThat(Files.readString(written.get(1), StandardCharsets.UTF_8)).contains("\"level\": \"alert\"");
        copyToTarget(written.get(0), "germancredit-monitor.html");
    }

    @Test
    void writesTheEvaluateReport() throws IOException {
        List<Path> written = ReportWriter.writeEvaluation(F.evaluateInput(), tmp);

        assertThat(written).hasSize(8);
        assertThat(Files.readAllLines(tmp.resolve("grades.csv")).get(0)).isEqualTo(String.join(",",
                EvaluationTables.GRADES_HEADER));
        copyToTarget(written.get(0), "germancredit-evaluate-report.html");
    }

    private static List<byte[]> read(List<Path> files) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            out.add(Files.readAllBytes(p));
        }
        return out;
    }

    private static void copyToTarget(Path file, String name) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
