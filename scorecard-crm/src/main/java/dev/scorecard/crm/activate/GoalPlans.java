package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a {@code plans.yaml} that {@code scorecard activate report} reads: each plan's
 * {@code name} and {@code goals}. Every other key of the file and of each plan belongs to
 * {@code scorecard activate}, which checks them; they are left alone here, so that a report can be
 * made from a plans file whatever else it says.
 */
public final class GoalPlans {
    private GoalPlans() {
    }

    /**
     * @param file a plans YAML with {@code plans: [{name: ..., goals: [...]}, ...]}
     * @return each plan's goals by plan name, in file order (an empty list for a plan without goals)
     * @throws InputDataException naming the file, line and key of a missing {@code plans}, a plan
     *     without a name, a name given twice or a bad goal
     */
    public static Map<String, List<GoalSpec>> read(Path file) {
        return read(YamlNode.read(file));
    }

    /**
     * @param root a plans document
     * @return each plan's goals by plan name, in document order
     * @see #read(Path)
     */
    public static Map<String, List<GoalSpec>> read(YamlNode root) {
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error("expected a plans file with 'plans:' (a list of plans with name and goals)");
        }
        YamlNode plans = root.get("plans").orElseThrow(() -> root.error("no 'plans' list"));
        Map<String, List<GoalSpec>> out = new LinkedHashMap<>();
        for (YamlNode plan : plans.items()) {
            YamlNode name = plan.get("name").orElseThrow(() -> plan.error("a plan needs 'name'"));
            String n = name.text();
            if (n.isBlank()) {
                throw name.error("a plan's name is empty");
            }
            if (out.containsKey(n)) {
                throw name.error("plan '" + n + "' is given twice");
            }
            out.put(n, plan.get("goals").map(GoalSpec::read).orElse(List.of()));
        }
        return out;
    }
}
