package dev.scorecard.train.report.html;

/**
 * Estimates how wide text is in a proportional sans-serif font, to lay out charts without font
 * metrics. Errs on the wide side so that labels do not collide.
 */
final class TextMetrics {
    private TextMetrics() {
    }

    /** @return the estimated width of {@code text} at {@code fontSize}, in the same units */
    static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += charWidth(text.charAt(i));
        }
        return em * fontSize;
    }

    private static double charWidth(char c) {
        if ("il.,:;'|!Ijft()[]{} ".indexOf(c) >= 0) {
            return 0.33;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.9;
        }
        if (c >= '0' && c <= '9') {
            return 0.58;
        }
        if (Character.isUpperCase(c)) {
            return 0.7;
        }
        return c < 0x80 ? 0.56 : 1.0;
    }

    /**
     * @return {@code text}, cut and ended with an ellipsis if it is wider than {@code maxWidth}
     */
    static String truncate(String text, double fontSize, double maxWidth) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        double ellipsis = width("\u2026", fontSize);
        int end = text.length();
        while (end > 0 && width(text.substring(0, end), fontSize) + ellipsis > maxWidth) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
