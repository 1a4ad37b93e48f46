package dev.scorecard.train.trainer;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.VariableType;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The verification rows of SPEC §6: training rows chosen so that every bin of every characteristic
 * is hit (the first row in file order for each bin not yet covered), plus an all-missing row and,
 * unless unseen levels are refused, a row with a level never seen in each categorical characteristic;
 * each scored by the model they will guard.
 */
final class VerificationRows {
    private VerificationRows() {
    }

    static List<VerificationCase> of(Scorecard scorer, Dataset train, List<Characteristic> characteristics,
            Map<String, Binning> binnings, UnseenPolicy unseen) {
        List<int[]> binsPerChar = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Characteristic ch : characteristics) {
            Column col = train.feature(ch.name()).orElseThrow();
            columns.add(col);
            binsPerChar.add(WoeEncoder.bins(binnings.get(ch.name()), col));
        }
        TreeSet<Integer> rows = new TreeSet<>();
        for (int k = 0; k < characteristics.size(); k++) {
            int[] bins = binsPerChar.get(k);
            boolean[] covered = new boolean[characteristics.get(k).bins().size()];
            for (int r : rows) {
                if (bins[r] >= 0) {
                    covered[bins[r]] = true;
                }
            }
            for (int i = 0; i < bins.length; i++) {
                if (bins[i] >= 0 && !covered[bins[i]]) {
                    covered[bins[i]] = true;
                    rows.add(i);
                }
            }
        }
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int r : rows) {
            Map<String, String> in = new LinkedHashMap<>();
            for (int k = 0; k < columns.size(); k++) {
                in.put(characteristics.get(k).name(), text(columns.get(k), r));
            }
            inputs.add(in);
        }
        Map<String, String> allMissing = new LinkedHashMap<>();
        characteristics.forEach(ch -> allMissing.put(ch.name(), null));
        inputs.add(allMissing);
        if (unseen != UnseenPolicy.REJECT && !inputs.isEmpty()) {
            Map<String, String> withUnseen = new LinkedHashMap<>(inputs.get(0));
            boolean any = false;
            for (Characteristic ch : characteristics) {
                if (ch.type() == VariableType.CATEGORICAL) {
                    withUnseen.put(ch.name(), "never seen in training");
                    any = true;
                }
            }
            if (any) {
                inputs.add(withUnseen);
            }
        }
        List<VerificationCase> cases = new ArrayList<>();
        for (Map<String, String> in : inputs) {
            ScoreResult r = scorer.score(in);
            cases.add(new VerificationCase(in, r.points(), r.score(), r.probability(), r.grade(), r.reasons()));
        }
        return cases;
    }

    private static String text(Column col, int row) {
        if (col instanceof NumericColumn n) {
            double v = n.value(row);
            return Double.isNaN(v) ? null : DoubleFormat.format(v);
        }
        return ((CategoricalColumn) col).level(row);
    }
}
