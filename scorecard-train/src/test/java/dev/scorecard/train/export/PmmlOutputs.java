package dev.scorecard.train.export;

import java.util.List;

/**
 * One row's results in the CLI's terms, from any scorer: the embedded one or a PMML evaluator.
 *
 * @param score the score
 * @param probability the event probability
 * @param score10 the 0–10 score
 * @param grade the grade
 * @param reasons reason1..N, null where a rank has no reason
 */
record PmmlOutputs(double score, double probability, double score10, String grade, List<String> reasons) {
}
