package dev.scorecard.train.monitor;

/**
 * How the scorecard ranks current rows whose outcome is known, beside what it did in training.
 *
 * @param rows rows with a target
 * @param events events among them
 * @param auc AUC on the event probability
 * @param ks KS statistic on the event probability
 * @param trainingEventRate the training rows' event rate, from the model file
 * @param trainingAuc the training AUC, from the model file
 * @param trainingKs the training KS, from the model file
 */
public record Performance(int rows, int events, double auc, double ks, double trainingEventRate, double trainingAuc,
        double trainingKs) {
    /** @return {@code events / rows} */
    public double eventRate() {
        return (double) events / rows;
    }
}
