package dev.scorecard.crm.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One feature of a spec.
 *
 * @param name the output column
 * @param kind what it computes
 * @param types the event types and groups it reads, as written; empty for any type
 * @param windowDays the window in calendar days back from the as-of instant, 0 for ever
 * @param where property values an event must have to count (property → value)
 * @param property the property {@link FeatureKind#DISTINCT} and {@link FeatureKind#TOP} look at
 * @param rank which value {@link FeatureKind#TOP} gives (1 for the most frequent)
 * @param ratio the numerator's and the denominator's feature names
 * @param whenZero a ratio's value when the denominator is 0; empty for missing
 * @param attribute the leads file's column {@link FeatureKind#ATTRIBUTE} passes through
 * @param line where the feature is in the spec file
 */
public record FeatureDef(String name, FeatureKind kind, List<String> types, int windowDays, Map<String, String> where,
        String property, int rank, List<String> ratio, OptionalDouble whenZero, String attribute, long line) {
    /** Copies the lists. */
    public FeatureDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        types = List.copyOf(types);
        where = Map.copyOf(where);
        ratio = List.copyOf(ratio);
        Objects.requireNonNull(whenZero, "whenZero");
    }
}
