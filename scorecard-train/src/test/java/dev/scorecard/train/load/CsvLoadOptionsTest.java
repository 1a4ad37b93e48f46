package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvLoadOptionsTest {

    @Test
    void defaults() {
        CsvLoadOptions o = CsvLoadOptions.defaults("y");
        assertThat(o.target()).isEqualTo("y");
        assertThat(o.delimiter()).isEmpty();
        assertThat(o.missingValues()).containsExactly("", "NA", "N/A", "null", "NULL", "NaN", "nan");
        assertThat(o.types()).isEmpty();
        assertThat(o.positive()).isEmpty();
        assertThat(o.exclude()).isEmpty();
        assertThat(o.id()).isEmpty();
    }

    @Test
    void withersChangeOneComponent() {
        CsvLoadOptions o = CsvLoadOptions.defaults("y")
                .withDelimiter(';')
                .withMissingValues(List.of("?", "?", "Select"))
                .withType("zip", ColumnType.CATEGORICAL)
                .withType("n", ColumnType.NUMERIC)
                .withPositive("bad")
                .withExclude(Set.of("duration"))
                .withId(Set.of("cust"))
                .withTarget("target");
        assertThat(o.delimiter()).contains(';');
        assertThat(o.missingValues()).containsExactly("?", "Select");
        assertThat(o.types()).containsExactly(Map.entry("zip", ColumnType.CATEGORICAL), Map.entry("n", ColumnType.NUMERIC));
        assertThat(o.positive()).contains("bad");
        assertThat(o.exclude()).containsExactly("duration");
        assertThat(o.id()).containsExactly("cust");
        assertThat(o.target()).isEqualTo("target");
        assertThat(o.withDelimiter(Optional.empty()).delimiter()).isEmpty();
        assertThat(o.withPositive(Optional.empty()).positive()).isEmpty();
        assertThat(o.withTypes(Map.of()).types()).isEmpty();
    }

    @Test
    void copiesCollections() {
        List<String> missing = new ArrayList<>(List.of("NA"));
        Map<String, ColumnType> types = new HashMap<>(Map.of("a", ColumnType.NUMERIC));
        Set<String> exclude = new LinkedHashSet<>(Set.of("b"));
        CsvLoadOptions o = CsvLoadOptions.defaults("y").withMissingValues(missing).withTypes(types).withExclude(exclude);
        missing.add("x");
        types.clear();
        exclude.add("c");
        assertThat(o.missingValues()).containsExactly("NA");
        assertThat(o.types()).containsOnlyKeys("a");
        assertThat(o.exclude()).containsExactly("b");
        assertThatThrownBy(() -> o.exclude().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsContradictions() {
        CsvLoadOptions d = CsvLoadOptions.defaults("y");
        assertThatThrownBy(() -> CsvLoadOptions.defaults(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target column name must not be empty");
        assertThatThrownBy(() -> d.withDelimiter('"')).hasMessage("delimiter '\"' is not allowed: it must not be a quote or a line break");
        assertThatThrownBy(() -> d.withDelimiter('\n')).hasMessage("delimiter LF is not allowed: it must not be a quote or a line break");
        assertThatThrownBy(() -> d.withExclude(Set.of("y"))).hasMessage("target 'y' cannot also be excluded");
        assertThatThrownBy(() -> d.withId(Set.of("y"))).hasMessage("target 'y' cannot also be an id column");
        assertThatThrownBy(() -> d.withType("y", ColumnType.CATEGORICAL)).hasMessage("target 'y' cannot have a forced type");
        assertThatThrownBy(() -> d.withExclude(Set.of("k")).withId(Set.of("k")))
                .hasMessage("column 'k' cannot be both excluded and an id column");
        assertThatThrownBy(() -> d.withId(Set.of("k")).withType("k", ColumnType.NUMERIC))
                .hasMessage("id column 'k' cannot be forced numeric: identifiers are loaded as categorical");
        assertThatThrownBy(() -> d.withPositive("NA"))
                .hasMessage("positive value 'NA' is also a missing token, so it could never mark an event");
        assertThat(d.withId(Set.of("k")).withType("k", ColumnType.CATEGORICAL).types()).containsKey("k");
        assertThat(d.withMissingValues(List.of()).withPositive("NA").positive()).contains("NA");
    }
}
