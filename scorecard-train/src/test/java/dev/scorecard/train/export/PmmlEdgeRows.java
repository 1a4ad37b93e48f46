package dev.scorecard.train.export;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows that probe every rule of every characteristic, each a data row with one value changed:
 * exactly on each cut point and one ulp below it, each special value, {@code 0} and {@code -0}, every
 * level of every bin, a level never seen, null and each missing token; plus a row with every value
 * missing and one with every categorical level unseen.
 */
final class PmmlEdgeRows {
    static final String UNSEEN = "never seen in training";

    private PmmlEdgeRows() {
    }

    static List<Map<String, Object>> of(ScorecardModel model, Map<String, String> base) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Characteristic c : model.characteristics()) {
            Set<String> values = new LinkedHashSet<>();
            if (c.type() == VariableType.NUMERIC) {
                for (ModelBin b : c.bins()) {
                    if (b.kind() == BinKind.REGULAR && Double.isFinite(b.lower())) {
                        values.add(DoubleFormat.format(b.lower()));
                        values.add(DoubleFormat.format(Math.nextDown(b.lower())));
                    }
                    b.specialValues().forEach(v -> values.add(DoubleFormat.format(v)));
                }
                values.add("0");
                values.add("-0");
            } else {
                c.bins().forEach(b -> values.addAll(b.categories()));
                values.add(UNSEEN);
            }
            values.addAll(model.missingValues());
            for (String v : values) {
                Map<String, Object> row = new HashMap<>(base);
                row.put(c.name(), v);
                rows.add(row);
            }
            Map<String, Object> row = new HashMap<>(base);
            row.put(c.name(), null);
            rows.add(row);
        }
        Map<String, Object> allMissing = new HashMap<>();
        Map<String, Object> allUnseen = new HashMap<>(base);
        for (Characteristic c : model.characteristics()) {
            allMissing.put(c.name(), null);
            if (c.type() == VariableType.CATEGORICAL) {
                allUnseen.put(c.name(), UNSEEN);
            }
        }
        rows.add(allMissing);
        rows.add(allUnseen);
        return rows;
    }
}
