package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Loads the German credit data (UCI Statlog, 1000 applicants, 300 bad; the copy shipped in
 * {@code datasets/germancredit}, else the raw one in {@code ../shared}).
 */
class GermanCreditLoadTest {
    private static final List<Path> CANDIDATES = List.of(
            Path.of("../datasets/germancredit/germancredit.csv"),
            Path.of("../../shared/data/raw/german-credit/germancredit.csv"));

    private static final List<String> NUMERIC = List.of(
            "duration_in_month",
            "credit_amount",
            "installment_rate_in_percentage_of_disposable_income",
            "present_residence_since",
            "age_in_years",
            "number_of_existing_credits_at_this_bank",
            "number_of_people_being_liable_to_provide_maintenance_for");

    @Test
    void loadsTwentyFeaturesAndThreeHundredBads() {
        Path file = CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "German credit data not found in " + CANDIDATES);

        LoadResult r = CsvLoader.load(file, CsvLoadOptions.defaults("creditability").withPositive("bad"));

        assertThat(r.dataset().rowCount()).isEqualTo(1000);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.report().delimiter()).isEqualTo(',');
        assertThat(r.dataset().target().eventCount()).isEqualTo(300);
        assertThat(r.dataset().target().eventLabel()).isEqualTo("bad");
        assertThat(r.dataset().features()).hasSize(20);
        Map<Boolean, List<String>> split = r.dataset().features().stream()
                .collect(Collectors.partitioningBy(c -> c instanceof NumericColumn,
                        Collectors.mapping(Column::name, Collectors.toList())));
        assertThat(split.get(true)).containsExactlyInAnyOrderElementsOf(NUMERIC);
        assertThat(split.get(false)).hasSize(13);
        for (Column c : r.dataset().features()) {
            assertThat(c.missingCount()).as("missing in %s", c.name()).isZero();
        }
        // a quoted level with a comma inside: "yes, registered under the customers name"
        CategoricalColumn telephone = (CategoricalColumn) r.dataset().feature("telephone").orElseThrow();
        assertThat(telephone.levels()).containsExactlyInAnyOrder("none", "yes, registered under the customers name");
        NumericColumn amount = (NumericColumn) r.dataset().feature("credit_amount").orElseThrow();
        assertThat(amount.value(0)).isEqualTo(1169.0); // first data row of the file
    }

    @Test
    void withoutPositiveTheBadLabelIsTheEvent() {
        Path file = CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "German credit data not found in " + CANDIDATES);

        LoadResult r = CsvLoader.load(file, CsvLoadOptions.defaults("creditability"));

        assertThat(r.dataset().target().eventLabel()).isEqualTo("bad");
        assertThat(r.dataset().target().eventCount()).isEqualTo(300);
    }
}
