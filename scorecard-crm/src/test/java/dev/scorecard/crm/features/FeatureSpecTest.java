package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Spec errors name the line and the key, with the text a user sees. */
class FeatureSpecTest {
    private static FeatureSpec spec(String yaml) {
        return FeatureSpec.of(YamlNode.parse("spec.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedSpecReads() {
        FeatureSpec s = FeatureSpec.read(Path.of("../examples/crm/lead-features.yaml"));
        assertThat(s.features()).hasSize(30);
        assertThat(s.expand(s.features().stream().filter(f -> f.name().equals("engaged_7d")).findFirst().orElseThrow()))
                .containsExactly("course_view", "live_joined", "trial_booked", "trial_attended");
        assertThat(s.properties()).containsExactly("course");
    }

    @Test
    void errorsNameTheLineAndKey() {
        assertThatThrownBy(() -> spec("features:\n  - {name: a, count: x}\n  - {name: b, count: y, window: 7days}\n"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("spec.yaml, line 3: key 'features[2].window': window '7days' is not a number of days from 1d"
                        + " to 3660d, or ever");
        assertThatThrownBy(() -> spec("eventTypes: [page_view, course_view]\nfeatures:\n  - {name: a, count: course_veiw}\n"))
                .hasMessage("spec.yaml, line 3: key 'features[1].count': 'course_veiw' is neither one of the eventTypes nor"
                        + " a group; did you mean 'course_view'?");
        assertThatThrownBy(() -> spec("features:\n  - name: a\n    count: x\n    windw: 7d\n"))
                .hasMessage("spec.yaml, line 4: key 'features[1].windw': unknown key; did you mean 'window'?; expected one of"
                        + " name, window, where, of, rank, whenZero, count, sum, mean, max, daysSinceLast, daysSinceFirst,"
                        + " daysSinceCreated, activeDays, distinct, top, ratio, attribute");
        assertThatThrownBy(() -> spec("features:\n  - {name: a, count: x, sum: x}\n"))
                .hasMessage("spec.yaml, line 2: key 'features[1]': feature 'a' needs exactly one of count, sum, mean, max,"
                        + " daysSinceLast, daysSinceFirst, daysSinceCreated, activeDays, distinct, top, ratio, attribute;"
                        + " found count, sum");
        assertThatThrownBy(() -> spec("features:\n  - {name: a, count: x}\n  - {name: a, count: y}\n"))
                .hasMessage("spec.yaml, line 3: key 'features[2]': feature name 'a' is used twice");
        assertThatThrownBy(() -> spec("features:\n  - {name: r, ratio: [a, b]}\n  - {name: a, count: x}\n"))
                .hasMessage("spec.yaml, line 2: key 'features[1]': ratio of 'b', which is not a feature of this spec");
        assertThatThrownBy(() -> spec("timezone: Asia/Shangai\nfeatures:\n  - {name: a, count: x}\n"))
                .hasMessage("spec.yaml, line 1: key 'timezone': 'Asia/Shangai' is not a time zone (e.g. Asia/Shanghai,"
                        + " Europe/Berlin, UTC)");
        assertThatThrownBy(() -> spec("features:\n  - {name: a, count: x\n"))
                .hasMessage("spec.yaml, line 2: not valid YAML: while parsing a flow mapping: expected ',' or '}', but got"
                        + " <stream end>");
        assertThatThrownBy(() -> spec("features: []\n")).hasMessage("spec.yaml, line 1: key 'features': the features list is empty");
    }
}
