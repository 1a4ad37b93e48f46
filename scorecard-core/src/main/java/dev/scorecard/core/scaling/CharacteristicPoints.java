package dev.scorecard.core.scaling;

import java.util.Arrays;
import java.util.Objects;

/**
 * The points of one characteristic's bins.
 *
 * @param name the characteristic
 * @param coefficient its regression coefficient β on the WOE scale
 * @param woe WOE per bin, in bin order
 * @param points the points shown per bin (rounded when the scaling rounds), in bin order
 */
public record CharacteristicPoints(String name, double coefficient, double[] woe, double[] points) {
    /** Copies the arrays and checks they are of equal length. */
    public CharacteristicPoints {
        Objects.requireNonNull(name, "name");
        woe = woe.clone();
        points = points.clone();
        if (woe.length != points.length) {
            throw new IllegalArgumentException(name + ": " + woe.length + " WOE values but " + points.length + " points");
        }
    }

    /** @return the points shown for bin {@code bin} */
    public double pointsOf(int bin) {
        return points[bin];
    }

    /** @return the highest points any bin gives */
    public double maxPoints() {
        return Arrays.stream(points).max().orElse(0);
    }

    @Override
    public double[] woe() {
        return woe.clone();
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharacteristicPoints c && name.equals(c.name)
                && Double.compare(coefficient, c.coefficient) == 0 && Arrays.equals(woe, c.woe)
                && Arrays.equals(points, c.points);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, coefficient, Arrays.hashCode(woe), Arrays.hashCode(points));
    }

    @Override
    public String toString() {
        return "CharacteristicPoints[" + name + ", β " + coefficient + ", points " + Arrays.toString(points) + "]";
    }
}
