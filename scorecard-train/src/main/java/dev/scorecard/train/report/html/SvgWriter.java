package dev.scorecard.train.report.html;

/**
 * Writes SVG markup: elements with attributes given as name–value pairs, every value and text
 * escaped. An attribute whose value is {@code null} is left out.
 */
final class SvgWriter {
    private final StringBuilder out;

    SvgWriter(StringBuilder out) {
        this.out = out;
    }

    /** Writes a start tag. */
    SvgWriter open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** Writes an end tag and a line break. */
    SvgWriter close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** Writes an element without content. */
    SvgWriter empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** Writes an element holding escaped {@code text}. */
    SvgWriter text(String tag, String text, String... attributes) {
        open(tag, attributes);
        out.append(HtmlEscaper.escape(text));
        return close(tag);
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(HtmlEscaper.escape(attributes[i + 1]))
                        .append('"');
            }
        }
    }
}
