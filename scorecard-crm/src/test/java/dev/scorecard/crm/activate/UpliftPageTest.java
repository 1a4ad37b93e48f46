package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scorecard.train.report.html.HtmlRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uplift.html} of the hand-counted fixture ({@link UpliftWorkflowTest}): self-contained (the
 * reports' content security policy, no script, no URL but the SVG namespace), a section per plan and
 * goal with its table and its two charts, the warning on the page; and, when Debian's headless
 * Chromium is installed ({@code scripts/install-chromium.sh}), the page parsed and drawn by it (as
 * scorecard-train's HeadlessChromiumTest does for the training report; its net-log reader is not
 * visible from this module). The page is kept as {@code target/uplift-sample.html} to look at.
 */
class UpliftPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private String page() throws IOException {
        UpliftWorkflowTest fixture = new UpliftWorkflowTest();
        fixture.dir = dir;
        UpliftWorkflow.run(requestOf(fixture), n -> { });
        Path html = dir.resolve("out/uplift.html");
        Files.createDirectories(Path.of("target"));
        Files.copy(html, Path.of("target/uplift-sample.html"), StandardCopyOption.REPLACE_EXISTING);
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    private UpliftWorkflow.Request requestOf(UpliftWorkflowTest fixture) throws IOException {
        Files.writeString(dir.resolve("plans.yaml"), UpliftWorkflowTest.PLANS);
        Files.writeString(dir.resolve("leads.csv"), UpliftWorkflowTest.LEADS);
        Files.writeString(dir.resolve("events.csv"), UpliftWorkflowTest.EVENTS);
        Files.writeString(dir.resolve("entries.csv"), UpliftWorkflowTest.ENTRIES);
        return new UpliftWorkflow.Request(dir.resolve("entries.csv"), dir.resolve("plans.yaml"), dir.resolve("leads.csv"),
                dir.resolve("events.csv"), "2026-03-01T00:00:00Z", dir.resolve("out"),
                dev.scorecard.crm.events.InputFormat.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0.5, 100, 0.01);
    }

    @Test
    void thePageIsSelfContainedWithATableAndTwoChartsPerGoal() throws IOException {
        String html = page();
        assertThat(html).contains(HtmlRenderer.CONTENT_SECURITY_POLICY, "<h1>Activation uplift</h1>",
                "<h2>Summary</h2>", "<h2>Plan nurture</h2>", "<h3>Goal trial-booked</h3>", "<h3>Goal paid</h3>",
                "Rates with 95 % intervals (columns: 1 all, 2 A, 3 B)",
                "Difference, treated less control, with Newcombe 95 % intervals",
                "Warning: only 3 control entries are decided, under --min-control 100: too few to tell.",
                "3 of 4 (75.00 %)", "2 of 3 (66.67 %)", "+8.33 points", "-44.19 to +58.58");
        assertThat(html).doesNotContain("<script", "<img", "<link");
        assertThat(count(html, "<svg")).as("two charts per goal").isEqualTo(4);
        Matcher urls = Pattern.compile("(https?:)?//[A-Za-z0-9.-]+").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).as("a URL in the page").isEqualTo("http://www.w3.org");
        }
    }

    @Test
    void chromiumParsesAndDrawsThePage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium; run scripts/install-chromium.sh");
        page();
        Path html = Path.of("target/uplift-sample.html").toAbsolutePath();
        Path dom = dir.resolve("dom.html");
        run(List.of("--dump-dom", html.toUri().toString()), dom);
        String d = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(d).contains("<h1>Activation uplift</h1>", "<h3>Goal paid</h3>", "<path d=\"M");
        assertThat(count(d, "<svg")).isEqualTo(4);
        Path png = dir.resolve("page.png");
        run(List.of("--screenshot=" + png, "--window-size=1280,3000", html.toUri().toString()), dir.resolve("shot.out"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot decodes as PNG").isNotNull();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if ((rgb >> 16 & 0xFF) < 235 || (rgb >> 8 & 0xFF) < 235 || (rgb & 0xFF) < 235) {
                    ink++;
                }
            }
        }
        assertThat((double) ink / ((long) image.getWidth() * image.getHeight())).as("share of non-white pixels")
                .isGreaterThan(0.02);
        Files.copy(png, Path.of("target/uplift-sample.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void run(List<String> args, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(Path.of(out + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("chromium did not finish in 90 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit code").isZero();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
