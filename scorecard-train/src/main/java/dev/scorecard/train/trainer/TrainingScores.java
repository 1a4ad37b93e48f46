package dev.scorecard.train.trainer;

import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** The parts of a model that come from its training scores: grades, the score baseline and metrics. */
final class TrainingScores {
    private TrainingScores() {
    }

    static GradeTable grades(TrainingConfig t, double[] trainScores) {
        if (t.gradeCutoffs().isEmpty()) {
            double[] shares = t.gradeShares().stream().mapToDouble(Double::doubleValue).toArray();
            return GradeTable.fromQuantiles(trainScores, t.gradeNames(), shares);
        }
        List<Grade> grades = new ArrayList<>();
        for (int g = 0; g < t.gradeCutoffs().size(); g++) {
            grades.add(new Grade(t.gradeNames().get(g), t.gradeCutoffs().get(g)));
        }
        grades.add(new Grade(t.gradeNames().get(t.gradeNames().size() - 1), Double.NEGATIVE_INFINITY));
        return new GradeTable(grades);
    }

    /** Ten baseline-decile bins of the training score; tied edges collapse, so there may be fewer. */
    static Baseline baseline(double[] trainScores, List<Baseline.BinShares> binShares) {
        double[] sorted = trainScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        TreeSet<Double> edges = new TreeSet<>();
        for (int d = 1; d < 10; d++) {
            double e = sorted[Math.min(n - 1, (int) ((long) d * n / 10))];
            if (e > sorted[0]) {
                edges.add(e);
            }
        }
        List<Double> edgeList = new ArrayList<>(edges);
        long[] counts = new long[edgeList.size() + 1];
        for (double s : sorted) {
            int bin = 0;
            while (bin < edgeList.size() && s >= edgeList.get(bin)) {
                bin++;
            }
            counts[bin]++;
        }
        List<Double> shares = new ArrayList<>();
        for (long count : counts) {
            shares.add((double) count / n);
        }
        return new Baseline(edgeList, shares, binShares);
    }

    /** @return true when the rows hold both classes, so AUC and KS exist */
    static boolean measurable(Dataset d) {
        return d.rowCount() > 0 && d.target().eventCount() > 0 && d.target().nonEventCount() > 0;
    }

    static SplitMetrics metrics(String split, double[] probabilities, Dataset d) {
        double auc = Metrics.auc(probabilities, d.target());
        double ks = Metrics.ks(probabilities, d.target()).ks();
        return new SplitMetrics(split, d.rowCount(), d.target().eventCount(), auc, ks, Metrics.gini(auc));
    }
}
