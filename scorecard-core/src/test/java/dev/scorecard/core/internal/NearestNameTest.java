package dev.scorecard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> COLUMNS = List.of("age", "duration", "purpose", "credit_amount", "x1", "x2");

    @Test
    void distanceCountsEditsAndAdjacentSwapsAsOne() {
        assertThat(NearestName.distance("age", "age")).isZero();
        assertThat(NearestName.distance("agee", "age")).isEqualTo(1); // one deletion
        assertThat(NearestName.distance("duratoin", "duration")).isEqualTo(1); // one swap
        assertThat(NearestName.distance("prupose", "purpose")).isEqualTo(1);
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3); // the textbook case
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsOnlyACloseName() {
        assertThat(NearestName.didYouMean("agee", COLUMNS)).isEqualTo("; did you mean 'age'?");
        assertThat(NearestName.didYouMean("Duration", COLUMNS)).isEqualTo("; did you mean 'duration'?");
        assertThat(NearestName.didYouMean("duratoin", COLUMNS)).isEqualTo("; did you mean 'duration'?");
        assertThat(NearestName.didYouMean("creditamount", COLUMNS)).isEqualTo("; did you mean 'credit_amount'?");
        // A third of the length at most: 'income' is 4 edits from 'age', 'years' no nearer anything.
        assertThat(NearestName.didYouMean("income", COLUMNS)).isEmpty();
        assertThat(NearestName.didYouMean("years", COLUMNS)).isEmpty();
        // A one-letter name is never "one edit away" from another one-letter name.
        assertThat(NearestName.among("y", List.of("x", "Y"))).contains("Y");
        assertThat(NearestName.among("y", List.of("x"))).isEmpty();
        // Ties go to the first name in the given order.
        assertThat(NearestName.among("x3", COLUMNS)).contains("x1");
        assertThat(NearestName.among("anything", List.of())).isEmpty();
    }
}
