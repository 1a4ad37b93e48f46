package dev.scorecard.core.binning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bins file: user-defined breaks per characteristic, overriding automatic binning. {@code scorecard
 * bin} writes exactly what it reads, so a person can edit the file and run again.
 *
 * @param breaks breaks per characteristic name, in file order
 */
public record BinsSpec(Map<String, VariableBreaks> breaks) {
    /** Keeps the caller's order, unmodifiable. */
    public BinsSpec {
        breaks = Collections.unmodifiableMap(new LinkedHashMap<>(breaks));
    }

    /** @return the breaks for one characteristic, if the file defines them */
    public Optional<VariableBreaks> forVariable(String name) {
        return Optional.ofNullable(breaks.get(name));
    }
}
