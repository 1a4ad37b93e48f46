package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeInferenceTest {

    /** By hand from min(max(5, floor(n / 1000)), floor(n / 10)). */
    @ParameterizedTest(name = "{0} non-missing cells allow {1}")
    @CsvSource({"0, 0", "9, 0", "10, 1", "19, 1", "49, 4", "50, 5", "5999, 5", "6000, 6", "10000, 10", "20999, 20",
        "1000000, 1000", "10000000000, 10000000"})
    void allowance(long nonMissing, long allowed) {
        assertThat(TypeInference.allowed(nonMissing)).isEqualTo(allowed);
        assertThat(TypeInference.isNumeric(allowed, nonMissing)).isTrue();
        assertThat(TypeInference.isNumeric(allowed + 1, nonMissing)).isFalse();
    }
}
