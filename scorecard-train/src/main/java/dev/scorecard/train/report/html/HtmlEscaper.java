package dev.scorecard.train.report.html;

/**
 * Escapes text for HTML and SVG element content and quoted attribute values: {@code & < > " '}
 * become character references, and control characters that HTML forbids become U+FFFD.
 */
final class HtmlEscaper {
    private HtmlEscaper() {
    }

    /** @return {@code text} safe to place between tags or inside a quoted attribute */
    static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = replacement(c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                return (c < 0x20 || (c >= 0x7f && c <= 0x9f)) ? "\uFFFD" : null;
        }
    }
}
