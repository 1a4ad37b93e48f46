package dev.scorecard.train.export;

import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Hand-made models: core's golden fixture, and variants of it that probe the export's edges. */
final class PmmlTestModels {
    /** Core's model fixture, kept forever (STYLE §7): a numeric and a categorical characteristic, special, missing and else bins. */
    static final Path SMALL_MODEL = Path.of("../scorecard-core/src/test/resources/model/v1/small-model.json");

    /** A level holding a double quote and one holding a backslash: not writable into a PMML string array. */
    static final String QUOTED = "a \"quoted\" one";
    static final String BACKSLASH = "back\\slash";
    /** A level holding XML's markup characters. */
    static final String MARKUP = "x < y & z > w";

    private PmmlTestModels() {
    }

    static ScorecardModel small() {
        try {
            return ModelReader.read(SMALL_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The small model with its characteristics replaced by {@link #edgy()}'s.
     *
     * @param unseen the unseen policy
     */
    static ScorecardModel edgy(UnseenPolicy unseen) {
        return with(small(), edgy(), unseen);
    }

    /**
     * Two characteristics: {@code amount}, numeric, with a cut at 0 and 0 also a special value, no
     * missing bin; {@code level}, categorical, with levels a
     * string array cannot hold and XML markup, a missing bin, no else bin.
     */
    static List<Characteristic> edgy() {
        double inf = Double.POSITIVE_INFINITY;
        Characteristic amount = new Characteristic("amount", VariableType.NUMERIC, 0.9, List.of(
                numeric("(-inf, 0)", -inf, 0, -0.5, 10, 40),
                numeric("[0, 2.5)", 0, 2.5, 0.1, 20, 30),
                numeric("[2.5, inf)", 2.5, inf, 0.7, 5, 20),
                new ModelBin("Special: 0", BinKind.SPECIAL, Double.NaN, Double.NaN, List.of(), List.of(0.0), 0.2, 30, 10,
                        0.3)), 0);
        Characteristic level = new Characteristic("level", VariableType.CATEGORICAL, 0.8, List.of(
                categorical("quoted | backslash", List.of(QUOTED, BACKSLASH), -0.3, 15, 30),
                categorical("markup", List.of(MARKUP), 0.4, 25, 30),
                categorical("plain", List.of("plain"), 0.6, 5, 30),
                new ModelBin("Missing", BinKind.MISSING, Double.NaN, Double.NaN, List.of(), List.of(), 0.1, 12, 10, 0.3)),
                0);
        return List.of(amount, level);
    }

    static ModelBin numeric(String label, double lower, double upper, double woe, double points, long count) {
        return new ModelBin(label, BinKind.REGULAR, lower, upper, List.of(), List.of(), woe, points, count, 0.3);
    }

    static ModelBin categorical(String label, List<String> levels, double woe, double points, long count) {
        return new ModelBin(label, BinKind.REGULAR, Double.NaN, Double.NaN, levels, List.of(), woe, points, count, 0.3);
    }

    /** @return the model with other characteristics (and a baseline and no verification cases to match) */
    static ScorecardModel with(ScorecardModel m, List<Characteristic> characteristics, UnseenPolicy unseen) {
        List<Baseline.BinShares> shares = new ArrayList<>();
        for (Characteristic c : characteristics) {
            shares.add(new Baseline.BinShares(c.name(), Collections.nCopies(c.bins().size(), 1.0 / c.bins().size())));
        }
        Baseline baseline = new Baseline(m.baseline().scoreEdges(), m.baseline().scoreShares(), shares);
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), unseen, characteristics, m.coefficients(), m.grades(), m.score10(),
                baseline, m.metrics(), m.provenance(), List.of());
    }
}
