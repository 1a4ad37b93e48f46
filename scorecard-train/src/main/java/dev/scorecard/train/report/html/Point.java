package dev.scorecard.train.report.html;

/**
 * A point of a line series. Points with a non-finite coordinate are skipped and break the line.
 *
 * @param x the x value
 * @param y the y value
 */
public record Point(double x, double y) {
}
