package dev.scorecard.train.trainer;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification rows of SPEC §6, chosen so that an edit of any bin changes some row's result and
 * the loader refuses the file: for every numeric cut, the value one ulp below it and the cut itself
 * (bins are {@code [a, b)}, so the two sit in the bins on either side); every special value; every
 * level listed in a categorical bin. A characteristic's probes are spread over the rows, row r taking
 * its r-th probe (cycling), so the row count is the largest probe count, not their sum: a few dozen
 * rows even for a wide model. Then an all-missing row and, unless unseen levels are refused, a row
 * with a level never seen in each categorical characteristic. Each row is scored by the model it will
 * guard.
 */
final class VerificationRows {
    static final String UNSEEN = "never seen in training";

    private VerificationRows() {
    }

    static List<VerificationCase> of(Scorecard scorer, List<Characteristic> characteristics, UnseenPolicy unseen) {
        List<List<String>> probes = new ArrayList<>();
        int rows = 1;
        for (Characteristic ch : characteristics) {
            List<String> p = probes(ch);
            probes.add(p);
            rows = Math.max(rows, p.size());
        }
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Map<String, String> in = new LinkedHashMap<>();
            for (int k = 0; k < characteristics.size(); k++) {
                List<String> p = probes.get(k);
                in.put(characteristics.get(k).name(), p.get(r % p.size()));
            }
            inputs.add(in);
        }
        Map<String, String> allMissing = new LinkedHashMap<>();
        characteristics.forEach(ch -> allMissing.put(ch.name(), null));
        inputs.add(allMissing);
        if (unseen != UnseenPolicy.REJECT && characteristics.stream().anyMatch(ch -> ch.type() == VariableType.CATEGORICAL)) {
            Map<String, String> withUnseen = new LinkedHashMap<>(inputs.get(0));
            for (Characteristic ch : characteristics) {
                if (ch.type() == VariableType.CATEGORICAL) {
                    withUnseen.put(ch.name(), UNSEEN);
                }
            }
            inputs.add(withUnseen);
        }
        List<VerificationCase> cases = new ArrayList<>();
        for (Map<String, String> in : inputs) {
            ScoreResult r = scorer.score(in);
            cases.add(new VerificationCase(in, r.points(), r.score(), r.probability(), r.grade(), r.reasons()));
        }
        return cases;
    }

    /** @return the characteristic's probe values as cell texts, in bin order; never empty */
    static List<String> probes(Characteristic ch) {
        List<String> out = new ArrayList<>();
        for (ModelBin b : ch.bins()) {
            if (ch.type() == VariableType.NUMERIC && b.kind() == BinKind.REGULAR) {
                if (b.upper() != Double.POSITIVE_INFINITY) {
                    out.add(DoubleFormat.format(Math.nextDown(b.upper())));
                    out.add(DoubleFormat.format(b.upper()));
                }
            } else if (b.kind() == BinKind.SPECIAL) {
                b.specialValues().forEach(v -> out.add(DoubleFormat.format(v)));
            } else if (b.kind() != BinKind.MISSING) {
                out.addAll(b.categories());
            }
        }
        if (out.isEmpty()) {
            // One regular bin from -inf to +inf and nothing else: any number is in it.
            out.add(ch.type() == VariableType.NUMERIC ? "0" : UNSEEN);
        }
        return out;
    }
}
