package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The goals of a plans file: the keys, the windows, and what is refused, with the line and key. */
class GoalSpecTest {
    private static Map<String, List<GoalSpec>> plans(String yaml) {
        return GoalPlans.read(YamlNode.parse("plans.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEachPlansGoalsAndLeavesItsOtherKeysAlone() {
        Map<String, List<GoalSpec>> p = plans("""
                timezone: Asia/Shanghai
                plans:
                  - name: nurture
                    audience: "score100 >= 40"
                    control: 0.1
                    goals:
                      - {name: trial-booked, event: trial_booked, within: 5d}
                      - {name: paid, event: converted, within: 30d}
                  - name: quiet
                """);
        assertThat(p.keySet()).containsExactly("nurture", "quiet");
        assertThat(p.get("nurture")).containsExactly(new GoalSpec("trial-booked", "trial_booked", 5 * 86_400_000L, "5d"),
                new GoalSpec("paid", "converted", 30 * 86_400_000L, "30d"));
        assertThat(p.get("nurture").get(1).isConversion()).isTrue();
        assertThat(p.get("quiet")).isEmpty();
    }

    @Test
    void windowsAreWholeDaysOrHours() {
        assertThat(GoalSpec.durationMillis("12h")).isEqualTo(12 * 3_600_000L);
        assertThat(GoalSpec.durationMillis("1d")).isEqualTo(86_400_000L);
        assertThat(GoalSpec.durationMillis("3650d")).isEqualTo(3650 * 86_400_000L);
        for (String bad : List.of("0d", "3651d", "5", "5 d", "1.5d", "5m", "-1d", "05d", "d", "")) {
            assertThat(GoalSpec.durationMillis(bad)).as(bad).isEqualTo(-1);
        }
    }

    @Test
    void anUnknownGoalKeyIsRefusedWithItsLineAndTheKeysAllowed() {
        assertThatThrownBy(() -> plans("""
                plans:
                  - name: nurture
                    goals:
                      - name: paid
                        event: converted
                        withn: 30d
                """)).isInstanceOf(InputDataException.class)
                .hasMessage("plans.yaml, line 6: key 'plans[1].goals[1].withn': unknown key; did you mean 'within'?;"
                        + " expected one of name, event, within");
    }

    @Test
    void badGoalsAreRefusedWithTheirLineAndKey() {
        assertThatThrownBy(() -> plans("""
                plans:
                  - name: nurture
                    goals:
                      - {name: paid, event: converted, within: 30 days}
                """)).hasMessage("plans.yaml, line 4: key 'plans[1].goals[1].within': '30 days' is not a duration; write"
                        + " whole days or hours, e.g. 5d or 12h (at most 3650d)");
        assertThatThrownBy(() -> plans("""
                plans:
                  - name: nurture
                    goals:
                      - {name: paid, event: converted}
                """)).hasMessage("plans.yaml, line 4: key 'plans[1].goals[1]': a goal needs 'within' (its keys: name,"
                        + " event, within)");
        assertThatThrownBy(() -> plans("""
                plans:
                  - name: nurture
                    goals:
                      - {name: paid, event: converted, within: 30d}
                      - {name: paid, event: trial_booked, within: 5d}
                """)).hasMessage("plans.yaml, line 5: key 'plans[1].goals[2].name': goal 'paid' is given twice in this"
                        + " plan");
        assertThatThrownBy(() -> plans("""
                plans:
                  - name: nurture
                  - name: nurture
                """)).hasMessage("plans.yaml, line 3: key 'plans[2].name': plan 'nurture' is given twice");
        assertThatThrownBy(() -> plans("rules: []\n")).hasMessage("plans.yaml, line 1: no 'plans' list");
    }
}
