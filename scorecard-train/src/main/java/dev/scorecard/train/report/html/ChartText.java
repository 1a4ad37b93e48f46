package dev.scorecard.train.report.html;

/** Phrases for the charts' text descriptions (the SVG {@code desc} read by screen readers). */
final class ChartText {
    private ChartText() {
    }

    /** @return e.g. {@code "x axis: score, 300 to 900. "} */
    static String axis(String which, String title, NiceScale scale) {
        return which + " axis" + (title.isEmpty() ? "" : ": " + title) + ", " + scale.label(scale.min()) + " to "
                + scale.label(scale.max()) + ". ";
    }

    /** @return e.g. {@code "Marker at x = 612: KS 0.41."} */
    static String marker(Marker m, NiceScale scale) {
        String axis = m.orientation() == Marker.Orientation.VERTICAL ? "x" : "y";
        return "Marker at " + axis + " = " + NumberText.fixed(m.value(), scale.decimals() + 2)
                + (m.label().isEmpty() ? "." : ": " + m.label() + ".");
    }
}
