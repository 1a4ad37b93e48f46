package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scorecard.train.report.EvaluationReport;
import dev.scorecard.train.report.GermanCreditFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample report in Debian's headless Chromium: the page parses and renders (the DOM
 * holds the headings and the SVG charts, the screenshot is not blank and shows the series colours)
 * and asks for nothing over the network (the net log). Skipped when {@code /usr/bin/chromium} is
 * missing; {@code scripts/install-chromium.sh} installs it. The screenshot is kept as
 * {@code target/sample-report.png} to look at.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HeadlessChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long PROCESS_TIMEOUT_S = 90;

    @TempDir
    Path tmp;

    @BeforeAll
    static void chromiumInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium; run scripts/install-chromium.sh");
    }

    @Test
    void sampleReportRendersAndLoadsNothing() throws Exception {
        Document doc = SampleDocument.create();
        Path html = tmp.resolve("sample-report.html");
        Files.writeString(html, HtmlRenderer.render(doc), StandardCharsets.UTF_8);

        Path png = tmp.resolve("sample-report.png");
        Path shotLog = tmp.resolve("net-screenshot.json");
        run(List.of("--screenshot=" + png, "--window-size=1280,4000", "--log-net-log=" + shotLog,
                html.toUri().toString()), tmp.resolve("screenshot.out"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot decodes as PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(4000);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.copy(png, target.resolve("sample-report.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(html, target.resolve("sample-report.html"), StandardCopyOption.REPLACE_EXISTING);
        assertNotBlank(image);
        assertThat(NetLog.pageRequests(shotLog)).as("network requests made by the page").isEmpty();

        Path dumpLog = tmp.resolve("net-dom.json");
        Path domFile = tmp.resolve("dom.html");
        run(List.of("--dump-dom", "--log-net-log=" + dumpLog, html.toUri().toString()), domFile);
        String dom = Files.readString(domFile, StandardCharsets.UTF_8);
        assertThat(dom).contains("<h1>Scorecard evaluation: german_credit</h1>", "<h2>Summary</h2>",
                "<h2>Characteristics</h2>", "<h3>duration</h3>", "<h3>purpose</h3>", "<h2>Performance</h2>",
                "<h2>Stability</h2>", "<figcaption>ROC curve</figcaption>", "<path d=\"M", "<rect ", "<title id=\"_c1-t\">");
        assertThat(count(dom, "<svg")).as("one svg per chart").isEqualTo(chartCount(doc)).isGreaterThan(10);
        assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert(\"x&amp;y\")&lt;/script&gt;'");
        assertThat(NetLog.pageRequests(dumpLog)).as("network requests made by the page").isEmpty();
    }

    /** The real thing: germancredit's training report, with its failed-gates banner, in Chromium. */
    @Test
    void germanCreditTrainingReportRendersAndLoadsNothing() throws Exception {
        Document doc = EvaluationReport.build(GermanCreditFixture.get().trainInput(GermanCreditFixture.FAILING));
        Path html = tmp.resolve("germancredit-report.html");
        Files.writeString(html, HtmlRenderer.render(doc), StandardCharsets.UTF_8);
        Path png = tmp.resolve("germancredit-report.png");
        Path shotLog = tmp.resolve("net-gc-screenshot.json");
        // Tall enough to reach the charts below the summary and points tables.
        run(List.of("--screenshot=" + png, "--window-size=1280,16000", "--log-net-log=" + shotLog, html.toUri().toString()),
                tmp.resolve("gc-screenshot.out"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot decodes as PNG").isNotNull();
        Files.copy(png, Path.of("target").resolve("germancredit-report.png"), StandardCopyOption.REPLACE_EXISTING);
        assertNotBlank(image);
        assertThat(NetLog.pageRequests(shotLog)).as("network requests made by the page").isEmpty();
        Path dumpLog = tmp.resolve("net-gc-dom.json");
        Path domFile = tmp.resolve("gc-dom.html");
        run(List.of("--dump-dom", "--log-net-log=" + dumpLog, html.toUri().toString()), domFile);
        String dom = Files.readString(domFile, StandardCharsets.UTF_8);
        assertThat(dom).contains("<h2>Summary</h2>", "<h2>Performance</h2>", "<h2>Stability</h2>", "FAIL", "minAuc",
                "<h4>Cut-off table (test)</h4>", "KS by cut-off score: events and non-events captured");
        assertThat(count(dom, "<svg")).as("one svg per chart").isEqualTo(chartCount(doc)).isGreaterThan(20);
        assertThat(dom).doesNotContain("<script");
        assertThat(NetLog.pageRequests(dumpLog)).as("network requests made by the page").isEmpty();
    }

    /**
     * Folded sections (each variable's bins, the training rows' performance, the configuration) open on a
     * click on screen and unfold when printed, so a printed report for a model-risk file misses nothing.
     */
    @Test
    void printingUnfoldsTheFoldedSections() throws Exception {
        GermanCreditFixture f = GermanCreditFixture.get();
        Document doc = EvaluationReport.build(f.trainInput(GermanCreditFixture.FAILING));
        String page = HtmlRenderer.render(doc);
        assertThat(page).contains("<details class=\"fold\">\n<summary><h3>duration_in_month</h3></summary>");
        Path html = tmp.resolve("folded-report.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Path pdf = tmp.resolve("folded-report.pdf");
        run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()), tmp.resolve("pdf.out"));
        String text;
        try (PDDocument printed = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(printed);
        }
        // Inside folded sections: a variable's bins table, the training rows' calibration, the YAML.
        assertThat(text).contains("Bins of duration_in_month", "Calibration (train)", "Calibration (test)",
                "maxCorrelation: 0.7", "Precision");
        assertThat(text.indexOf("Summary")).isLessThan(text.indexOf("Scorecard points"));
    }

    /** The net-log check is not vacuous: a page without our policy that loads a URL is caught. */
    @Test
    void netLogShowsRequestsOfAPageThatLoadsSomething() throws Exception {
        Path html = tmp.resolve("leaky.html");
        Files.writeString(html, "<!DOCTYPE html><meta charset=\"utf-8\"><title>leaky</title>"
                + "<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\">"
                + "<link rel=\"stylesheet\" href=\"https://example.invalid/style.css\">"
                + "<svg><image href=\"http://127.0.0.1:9/svg-image.png\" width=\"10\" height=\"10\"/></svg><p>leaky</p>",
                StandardCharsets.UTF_8);
        Path log = tmp.resolve("net-leaky.json");
        run(List.of("--dump-dom", "--log-net-log=" + log, html.toUri().toString()), tmp.resolve("leaky.out"));
        assertThat(NetLog.pageRequests(log)).contains("http://127.0.0.1:9/pixel.png",
                "https://example.invalid/style.css", "http://127.0.0.1:9/svg-image.png");
    }

    /**
     * The policy holds even if markup slipped past the escaping: loads smuggled into a rendered page
     * are blocked before they reach the network (the same loads do reach it without the policy, as
     * the test above shows).
     */
    @Test
    void contentSecurityPolicyBlocksSmuggledLoads() throws Exception {
        String page = HtmlRenderer.render(new Document("Smuggled", "", List.of(),
                List.of(Section.of("s", "Section", new Paragraph("text")))));
        String smuggled = "<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\">"
                + "<link rel=\"stylesheet\" href=\"https://example.invalid/style.css\">"
                + "<style>@import url(\"https://example.invalid/import.css\");</style>"
                + "<svg><image href=\"http://127.0.0.1:9/svg-image.png\" width=\"10\" height=\"10\"/></svg>";
        Path html = tmp.resolve("smuggled.html");
        Files.writeString(html, page.replace("<main>", "<main>" + smuggled), StandardCharsets.UTF_8);
        Path log = tmp.resolve("net-smuggled.json");
        Path dom = tmp.resolve("smuggled.out");
        run(List.of("--dump-dom", "--log-net-log=" + log, html.toUri().toString()), dom);
        assertThat(Files.readString(dom, StandardCharsets.UTF_8)).contains("http://127.0.0.1:9/pixel.png");
        assertThat(NetLog.pageRequests(log)).isEmpty();
    }

    /** Not blank: plenty of non-white pixels, many colours, and the first two series colours. */
    private static void assertNotBlank(BufferedImage image) {
        long ink = 0;
        Set<Integer> colours = new HashSet<>();
        boolean blue = false;
        boolean vermilion = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
                colours.add((r >> 3) << 10 | (g >> 3) << 5 | b >> 3);
                blue |= near(r, g, b, 0x00, 0x72, 0xB2);
                vermilion |= near(r, g, b, 0xD5, 0x5E, 0x00);
            }
        }
        double inkShare = (double) ink / ((long) image.getWidth() * image.getHeight());
        assertThat(inkShare).as("share of non-white pixels").isGreaterThan(0.03);
        assertThat(colours.size()).as("distinct colours (5 bits per channel)").isGreaterThan(50);
        assertThat(blue).as("pixels in series colour #0072B2").isTrue();
        assertThat(vermilion).as("pixels in series colour #D55E00").isTrue();
    }

    private static boolean near(int r, int g, int b, int r0, int g0, int b0) {
        return Math.abs(r - r0) <= 12 && Math.abs(g - g0) <= 12 && Math.abs(b - b0) <= 12;
    }

    /** Runs Chromium headless with its own profile, output to {@code out}, killed after a timeout. */
    private void run(List<String> args, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        command.addAll(args);
        Path err = Path.of(out + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish in " + PROCESS_TIMEOUT_S + " s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("chromium exited " + process.exitValue() + ": " + command + "\n" + tail(err));
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int chartCount(Document doc) {
        int n = 0;
        List<Section> todo = new ArrayList<>(doc.sections());
        while (!todo.isEmpty()) {
            Section s = todo.remove(todo.size() - 1);
            todo.addAll(s.subsections());
            for (Block b : s.blocks()) {
                if (b instanceof LineChart || b instanceof BarChart || b instanceof Histogram) {
                    n++;
                }
            }
        }
        return n;
    }
}
