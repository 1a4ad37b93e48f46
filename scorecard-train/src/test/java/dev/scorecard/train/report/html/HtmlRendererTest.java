package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {
    private static final String SAMPLE = HtmlRenderer.render(SampleDocument.create());

    @Test
    void sameDocumentSameBytes() {
        assertThat(HtmlRenderer.render(SampleDocument.create())).isEqualTo(SAMPLE);
        assertThat(HtmlRenderer.render(SampleDocument.create())).isEqualTo(HtmlRenderer.render(SampleDocument.create()));
    }

    @Test
    void headIsSelfContained() {
        assertThat(SAMPLE).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; base-uri 'none'; form-action 'none'\">\n");
        assertThat(count(SAMPLE, "<style>")).isEqualTo(1);
        assertThat(SAMPLE).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "@font-face", "src=");
        // The only absolute URL is the SVG namespace name, which is never fetched.
        assertThat(SAMPLE.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContainPattern("(?i)\\b(https?|wss?):")
                .doesNotContain("//");
        // Every reference stays in the page: links to anchors, fills and clips to ids.
        assertThat(SAMPLE).doesNotContainPattern("href=\"[^#]").doesNotContainPattern("url\\((?!#)");
        assertThat(SAMPLE).contains("@media print", "@page{size:A4", "break-inside:avoid", "system-ui");
    }

    @Test
    void everyTextIsEscaped() {
        assertThat(SAMPLE).doesNotContain(SampleDocument.HOSTILE).doesNotContain("<script")
                .contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;");
        String escaped = HtmlEscaper.escape(SampleDocument.HOSTILE);
        // Section title (heading and contents), intro, paragraph, key and value, caption, header,
        // cell, chart title (caption and SVG title), series name, axis title, marker label, category.
        assertThat(count(SAMPLE, escaped)).isGreaterThanOrEqualTo(16);
        assertThat(SAMPLE).contains("<h2>Degenerate and hostile input " + escaped + "</h2>",
                "<a href=\"#edge-cases\">Degenerate and hostile input " + escaped + "</a>",
                "<dt>" + escaped + "</dt><dd>" + escaped + "</dd>", "<caption>" + escaped + "</caption>",
                "<th scope=\"col\" class=\"l\">" + escaped + "</th>", "<td class=\"l\">" + escaped + "</td>");
    }

    @Test
    void contentsListSectionsAndSubsections() {
        assertThat(SAMPLE).contains("<nav class=\"toc\" aria-labelledby=\"_toc\">\n<h2 id=\"_toc\">Contents</h2>\n<ol>\n"
                + "<li><a href=\"#summary\">Summary</a></li>\n"
                + "<li><details><summary><a href=\"#characteristics\">Characteristics</a> <span class=\"count\">(2)</span>"
                + "</summary>\n<ol>\n"
                + "<li><a href=\"#var-duration\">duration</a></li>\n<li><a href=\"#var-purpose\">purpose</a></li>\n"
                + "</ol>\n</details></li>\n<li><a href=\"#performance\">Performance</a></li>\n");
        assertThat(SAMPLE).contains("<section id=\"var-duration\">\n<h3>duration</h3>\n");
    }

    @Test
    void idsAreUniqueAndEveryReferenceResolves() {
        List<String> ids = all(SAMPLE, " id=\"([^\"]+)\"");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        Set<String> targets = new HashSet<>(ids);
        assertThat(all(SAMPLE, "href=\"#([^\"]+)\"")).allMatch(targets::contains);
        assertThat(all(SAMPLE, "url\\(#([^)]+)\\)")).isNotEmpty().allMatch(targets::contains);
        for (String labelledBy : all(SAMPLE, "aria-labelledby=\"([^\"]+)\"")) {
            assertThat(labelledBy.split(" ")).allMatch(targets::contains);
        }
    }

    @Test
    void blocksRender() {
        assertThat(SAMPLE).contains("<p class=\"intro\">What was trained on what, and whether it may go live.</p>",
                "<p>The scorecard was fitted on 700 rows and evaluated on 300 held-out rows.</p>",
                "<dl class=\"kv\">\n<dt>rows (train / test)</dt><dd>700 / 300</dd>",
                "<tr class=\"st-fail\"><td class=\"l\">minKs</td><td class=\"r\">0.300</td>",
                "<tr class=\"st-ok\">", "<tr class=\"st-warn\">",
                "<tr><td class=\"l\">challenger AUC (gbm)</td>",
                "<div class=\"verdict verdict-fail\" role=\"status\">\n<p class=\"verdict-head\"><span class=\"verdict-word\">"
                        + "FAIL</span>1 of 3 go-live gates failed</p>\n<ul>\n<li>minKs: KS 0.284 is below 0.300 (test split)"
                        + "</li>\n</ul>\n</div>",
                "<figure class=\"chart\">\n<figcaption>ROC curve</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\"",
                "verdict-pass", "verdict-warn");
    }

    @Test
    void emptyDocument() {
        String html = HtmlRenderer.render(new Document("Empty", "", List.of(), List.of()));
        assertThat(html).contains("<h1>Empty</h1>").doesNotContain("<nav", "subtitle\"", "<dl").endsWith("</html>\n");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
