package dev.scorecard.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.ModelFormatException;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: with {@code --ignore-checksum}, 38 of 228 meaningful edits of a model loaded and changed
 * scores. Here every cut of a germancredit model is moved by 25 % either way and every level is moved
 * to every other bin; each edited model is written with a fresh, valid checksum, so only the
 * verification rows stand between it and a service. Every edit that changes the score or probability
 * of some training row must be refused on load.
 */
class VerificationGuardsTheBinsTest {
    private static Dataset data;
    private static ScorecardModel model;

    @BeforeAll
    static void train() {
        data = CsvLoader.load(Path.of("../datasets/germancredit/germancredit.csv"),
                CsvLoadOptions.defaults("creditability").withPositive("bad")).dataset();
        model = new ScorecardTrainer(ScorecardConfig.empty()).fit(data).model();
    }

    @Test
    void everyMeaningfulEditOfABinIsRefusedOnLoad() {
        List<String> slipped = new ArrayList<>();
        int meaningful = 0;
        int edits = 0;
        double[][] original = scores(model);
        for (int k = 0; k < model.characteristics().size(); k++) {
            for (Characteristic edited : edits(model.characteristics().get(k))) {
                List<Characteristic> chars = new ArrayList<>(model.characteristics());
                chars.set(k, edited);
                ScorecardModel m = withCharacteristics(model, chars);
                edits++;
                if (Arrays.deepEquals(scores(m), original)) {
                    continue; // the edit changes no training row's result: nothing to guard
                }
                meaningful++;
                byte[] file = ModelWriter.toBytes(m);
                try {
                    Scorecard.load(new ByteArrayInputStream(file));
                    slipped.add(edited.name() + ": " + describe(model.characteristics().get(k), edited));
                } catch (ModelFormatException expected) {
                    assertThat(expected).hasMessageContaining("does not reproduce");
                }
            }
        }
        assertThat(edits).isGreaterThan(100);
        assertThat(meaningful).isGreaterThan(60);
        assertThat(slipped).as("edits that loaded though they change scores (%d meaningful of %d)", meaningful, edits)
                .isEmpty();
        assertThat(model.verification().size()).as("a few dozen rows").isBetween(5, 60);
    }

    @Test
    void aModelWithNoVerificationRowsIsRefused() {
        byte[] file = ModelWriter.toBytes(model.withVerification(List.of()));
        assertThatThrownBy(() -> Scorecard.load(new ByteArrayInputStream(file)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("model: the model has no verification rows; a model file must carry the rows it was"
                        + " checked with (SPEC §6)");
    }

    @Test
    void theRowsSitOnBothSidesOfEveryCutAndHoldEveryLevel() {
        for (Characteristic ch : model.characteristics()) {
            List<String> seen = model.verification().stream().map(v -> v.inputs().get(ch.name())).toList();
            for (ModelBin b : ch.bins()) {
                if (ch.type() == VariableType.NUMERIC && b.kind() == BinKind.REGULAR && b.upper() != Double.POSITIVE_INFINITY) {
                    assertThat(seen).as(ch.name()).anyMatch(v -> v != null && Double.parseDouble(v) == b.upper());
                    assertThat(seen).as(ch.name()).anyMatch(v -> v != null && Double.parseDouble(v) == Math.nextDown(b.upper()));
                }
                b.categories().forEach(level -> assertThat(seen).as(ch.name()).contains(level));
            }
        }
    }

    /** Each cut moved by ±25 % (where the bins stay ordered), each level moved to each other bin. */
    private static List<Characteristic> edits(Characteristic ch) {
        List<Characteristic> out = new ArrayList<>();
        List<ModelBin> bins = ch.bins();
        for (int j = 0; j + 1 < bins.size(); j++) {
            ModelBin a = bins.get(j);
            ModelBin b = bins.get(j + 1);
            if (ch.type() != VariableType.NUMERIC || a.kind() != BinKind.REGULAR || b.kind() != BinKind.REGULAR) {
                continue;
            }
            double cut = a.upper();
            for (double moved : new double[] {cut * 1.25, cut * 0.75, cut + 0.25 * Math.abs(cut), cut - 0.25 * Math.abs(cut)}) {
                if (moved > a.lower() && moved < b.upper() && moved != cut) {
                    List<ModelBin> e = new ArrayList<>(bins);
                    e.set(j, bin(a, a.lower(), moved, a.categories()));
                    e.set(j + 1, bin(b, moved, b.upper(), b.categories()));
                    out.add(new Characteristic(ch.name(), ch.type(), ch.coefficient(), e, ch.neutralPoints(), ch.missingBin()));
                }
            }
        }
        if (ch.type() == VariableType.CATEGORICAL) {
            for (int from = 0; from < bins.size(); from++) {
                for (String level : bins.get(from).categories()) {
                    for (int to = 0; to < bins.size(); to++) {
                        ModelBin src = bins.get(from);
                        ModelBin dst = bins.get(to);
                        if (to == from || dst.kind() == BinKind.MISSING || src.categories().size() < 2) {
                            continue;
                        }
                        List<String> srcLevels = new ArrayList<>(src.categories());
                        srcLevels.remove(level);
                        List<String> dstLevels = new ArrayList<>(dst.categories());
                        dstLevels.add(level);
                        List<ModelBin> e = new ArrayList<>(bins);
                        e.set(from, bin(src, src.lower(), src.upper(), srcLevels));
                        e.set(to, bin(dst, dst.lower(), dst.upper(), dstLevels));
                        out.add(new Characteristic(ch.name(), ch.type(), ch.coefficient(), e, ch.neutralPoints(), ch.missingBin()));
                    }
                }
            }
        }
        return out;
    }

    private static ModelBin bin(ModelBin b, double lower, double upper, List<String> categories) {
        return new ModelBin(b.label(), b.kind(), lower, upper, categories, b.specialValues(), b.woe(), b.points(),
                b.count(), b.eventRate());
    }

    private static ScorecardModel withCharacteristics(ScorecardModel m, List<Characteristic> chars) {
        return new ScorecardModel(m.name(), m.createdWith(), m.target(), m.event(), m.scaling(), m.basePoints(),
                m.intercept(), m.missingValues(), m.unseen(), chars, m.coefficients(), m.grades(), m.score10(),
                m.baseline(), m.metrics(), m.provenance(), m.verification());
    }

    private static double[][] scores(ScorecardModel m) {
        double[] score = new double[data.rowCount()];
        double[] probability = new double[data.rowCount()];
        Scorecard.of(m).scoreBatch(data.features(), score, probability);
        return new double[][] {score, probability};
    }

    private static String describe(Characteristic before, Characteristic after) {
        for (int j = 0; j < before.bins().size(); j++) {
            if (!before.bins().get(j).equals(after.bins().get(j))) {
                return before.bins().get(j) + " -> " + after.bins().get(j);
            }
        }
        return "?";
    }
}
