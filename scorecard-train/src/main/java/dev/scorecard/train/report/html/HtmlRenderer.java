package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Document} as one self-contained HTML5 page: an inline style sheet, inline SVG
 * charts, no scripts, no fonts or images to fetch, and a Content-Security-Policy that forbids the
 * page to load anything. Every text is escaped. The output depends only on the document, so the
 * same document always gives the same string. Thread-safe: each call works on its own state.
 */
public final class HtmlRenderer {
    /** The policy in the page's {@code meta} tag: nothing may load; inline styles and data images only. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final StringBuilder out = new StringBuilder(1 << 16);
    private int charts;

    private HtmlRenderer() {
    }

    /**
     * @param document the report
     * @return the page, to be written as UTF-8
     */
    public static String render(Document document) {
        return new HtmlRenderer().page(document);
    }

    private String page(Document doc) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n"); // a constant without '"', '<' or '&': written as is, for readers of the page
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.append("<title>").append(esc(doc.title())).append("</title>\n");
        out.append("<style>\n").append(Stylesheet.CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>").append(esc(doc.title())).append("</h1>\n");
        if (!doc.subtitle().isEmpty()) {
            out.append("<p class=\"subtitle\">").append(esc(doc.subtitle())).append("</p>\n");
        }
        if (!doc.metadata().isEmpty()) {
            keyValues(doc.metadata(), "kv meta");
        }
        out.append("</header>\n");
        if (!doc.sections().isEmpty()) {
            out.append("<nav class=\"toc\" aria-labelledby=\"_toc\">\n<h2 id=\"_toc\">Contents</h2>\n");
            toc(doc.sections());
            out.append("</nav>\n");
        }
        out.append("<main>\n");
        for (Section s : doc.sections()) {
            section(s, 2);
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The contents: top-level entries, each section's own entries folded under it so the list stays short. */
    private void toc(List<Section> sections) {
        out.append("<ol>\n");
        for (Section s : sections) {
            out.append("<li>");
            if (s.subsections().isEmpty()) {
                tocLink(s);
            } else {
                out.append("<details><summary>");
                tocLink(s);
                out.append(" <span class=\"count\">(").append(s.subsections().size()).append(")</span></summary>\n");
                toc(s.subsections());
                out.append("</details>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n");
    }

    private void tocLink(Section s) {
        out.append("<a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title())).append("</a>");
    }

    private void section(Section s, int level) {
        int h = Math.min(6, level);
        out.append("<section id=\"").append(esc(s.id())).append("\">\n");
        if (s.collapsed()) {
            out.append("<details class=\"fold\">\n<summary>");
        }
        out.append("<h").append(h).append('>').append(esc(s.title())).append("</h").append(h).append('>');
        out.append(s.collapsed() ? "</summary>\n" : "\n");
        if (!s.intro().isEmpty()) {
            out.append("<p class=\"intro\">").append(esc(s.intro())).append("</p>\n");
        }
        for (Block b : s.blocks()) {
            block(b);
        }
        for (Section sub : s.subsections()) {
            section(sub, level + 1);
        }
        if (s.collapsed()) {
            out.append("</details>\n");
        }
        out.append("</section>\n");
    }

    private void block(Block b) {
        if (b instanceof Paragraph p) {
            out.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (b instanceof KeyValueList kv) {
            keyValues(kv.entries(), "kv");
        } else if (b instanceof Table t) {
            TableHtml.write(out, t);
        } else if (b instanceof Verdict v) {
            verdict(v);
        } else if (b instanceof Preformatted p) {
            out.append("<figure class=\"pre\">\n");
            if (!p.caption().isEmpty()) {
                out.append("<figcaption>").append(esc(p.caption())).append("</figcaption>\n");
            }
            out.append("<pre>").append(esc(p.text())).append("</pre>\n</figure>\n");
        } else if (b instanceof LineChart c) {
            String id = figure(c.title());
            LineChartSvg.write(out, c, id);
            out.append("</figure>\n");
        } else if (b instanceof BarChart c) {
            String id = figure(c.title());
            BarChartSvg.write(out, c, id);
            out.append("</figure>\n");
        } else if (b instanceof Histogram c) {
            String id = figure(c.title());
            HistogramSvg.write(out, c, id);
            out.append("</figure>\n");
        } else {
            throw new IllegalStateException("no renderer for " + b.getClass().getName());
        }
    }

    /** Opens a chart's figure with its caption. @return the chart's id, which no section id can take */
    private String figure(String title) {
        charts++;
        out.append("<figure class=\"chart\">\n");
        if (!title.isEmpty()) {
            out.append("<figcaption>").append(esc(title)).append("</figcaption>\n");
        }
        return "_c" + charts;
    }

    private void keyValues(List<KeyValue> entries, String cssClass) {
        out.append("<dl class=\"").append(cssClass).append("\">\n");
        for (KeyValue kv : entries) {
            out.append("<dt>").append(esc(kv.key())).append("</dt><dd>").append(esc(kv.value())).append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    private void verdict(Verdict v) {
        String word = v.outcome().name();
        out.append("<div class=\"verdict verdict-").append(word.toLowerCase(Locale.ROOT)).append("\" role=\"status\">\n");
        out.append("<p class=\"verdict-head\"><span class=\"verdict-word\">").append(word).append("</span>")
                .append(esc(v.headline())).append("</p>\n");
        if (!v.lines().isEmpty()) {
            out.append("<ul>\n");
            for (String line : v.lines()) {
                out.append("<li>").append(esc(line)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</div>\n");
    }

    private static String esc(String text) {
        return HtmlEscaper.escape(text);
    }
}
