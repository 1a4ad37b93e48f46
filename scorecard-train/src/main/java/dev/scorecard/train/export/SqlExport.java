package dev.scorecard.train.export;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoringRules;
import dev.scorecard.core.model.UnseenPolicy;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a scorecard as one SQL {@code SELECT} over a table (SPEC §7, §11 {@code export --format sql}):
 * per input row, the id columns, then {@code score}, {@code probability}, {@code grade}, the points of
 * each characteristic ({@code points_<stem>}, see docs/export-sql.md for the naming rule), the reason
 * codes {@code reason1..N} and {@code warnings}, the same values {@link dev.scorecard.core.Scorecard}
 * gives for the same row: score, grade, points, reasons and warnings identical, probability to 1e-9.
 *
 * <p>The table's characteristic columns are assumed typed {@code DOUBLE PRECISION} (numeric
 * characteristics; any type that converts exactly to it works) and {@code VARCHAR} holding the raw
 * text (categorical ones); column names must be the model's characteristic names exactly. In the
 * {@link SqlDialect#SQLITE sqlite} dialect a numeric column may also hold a missing token as text,
 * as SQLite's {@code .import} leaves an empty cell in a REAL column.
 *
 * <p>The query is a chain of CTEs so that each rule is written once: {@code sc_bins} finds the bin of
 * every characteristic with one {@code CASE} (missing, then special values, then the regular bins
 * {@code x >= a AND x < b}; categorical levels by {@code IN} lists, unseen levels to the else bin);
 * {@code sc_points} turns bins into points, WOE, reason texts and warnings; {@code sc_sums} adds the
 * score ({@code basePoints} + Σ points) and the linear predictor (intercept + Σ coefficient·WOE);
 * {@code sc_ranks} ranks the points lost; the final {@code SELECT} gives the probability, grade and
 * reason codes. A row that falls in no bin scores the characteristic's neutral points (WOE 0) with a
 * {@code missing:} or {@code unseen:} warning, so every row gets a score, never NULL (SPEC §13).
 *
 * <p>A model whose unseen policy is {@code reject} gets one more column, {@code rejected}: 1 where the
 * scorer would refuse the row (an unseen level with no else bin), whose points are then neutral; a
 * {@code SELECT} cannot send rows to a rejects file, so {@code WHERE rejected = 0} gives the rows the
 * CLI scores.
 *
 * <p>The text depends only on the model and the options: the same on every JDK and every run.
 */
public final class SqlExport {
    private static final String I1 = "  ";
    private static final String I2 = "    ";
    private static final String I3 = "      ";
    /** Beyond |eta| = 700, EXP under- or overflows in PostgreSQL (an error there); the probability is 0 or 1 to 1e-300. */
    private static final int ETA_LIMIT = 700;

    private SqlExport() {
    }

    /**
     * @param model the model
     * @param options table, id columns, dialect and reason codes
     * @param out receives the SQL (not closed)
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the model has no characteristic or an id column takes an
     *     output column's name
     */
    public static void write(ScorecardModel model, SqlOptions options, Writer out) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        if (model.characteristics().isEmpty()) {
            throw new IllegalArgumentException("model '" + model.name() + "' has no characteristic: there is no score to export as SQL");
        }
        out.write(new SqlExport.Builder(model, options).build());
    }

    /** Builds the text of one export. */
    private static final class Builder {
        private final ScorecardModel model;
        private final SqlOptions options;
        private final SqlNames names;
        private final List<Characteristic> cs;
        private final boolean integerPoints;
        private final boolean flagRejected;
        private final StringBuilder sql = new StringBuilder(8192);

        Builder(ScorecardModel model, SqlOptions options) {
            this.model = model;
            this.options = options;
            this.names = SqlNames.of(model, options);
            this.cs = model.characteristics();
            this.integerPoints = integerPoints(model);
            this.flagRejected = model.unseen() == UnseenPolicy.REJECT;
        }

        /**
         * Points are written as integers, and the score is an INTEGER, when every points value and
         * the base points are whole and no sum can leave INTEGER's range (PostgreSQL raises an error
         * on overflow); otherwise every points value is a DOUBLE PRECISION. Both add up to exactly
         * what the scorer adds in doubles.
         */
        private static boolean integerPoints(ScorecardModel model) {
            double bound = Math.abs(model.basePoints());
            if (!SqlText.isInteger(model.basePoints())) {
                return false;
            }
            for (Characteristic c : model.characteristics()) {
                double max = Math.abs(c.neutralPoints());
                if (!SqlText.isInteger(c.neutralPoints())) {
                    return false;
                }
                for (ModelBin b : c.bins()) {
                    if (!SqlText.isInteger(b.points())) {
                        return false;
                    }
                    max = Math.max(max, Math.abs(b.points()));
                }
                bound += 2 * max; // a loss is a difference of two points values
            }
            return bound <= Integer.MAX_VALUE;
        }

        String build() {
            header();
            sql.append("WITH ").append(id(names.binsCte)).append(" AS (\n");
            binsStage();
            sql.append("),\n").append(id(names.pointsCte)).append(" AS (\n");
            pointsStage();
            sql.append("),\n").append(id(names.sumsCte)).append(" AS (\n");
            sumsStage();
            String last = names.sumsCte;
            if (!names.reasons.isEmpty()) {
                sql.append("),\n").append(id(names.ranksCte)).append(" AS (\n");
                ranksStage();
                last = names.ranksCte;
            }
            sql.append(")\n");
            finalSelect(last);
            return sql.toString();
        }

        private void header() {
            sql.append("-- Scorecard model '").append(SqlText.comment(model.name())).append("' (")
                    .append(SqlText.comment(model.createdWith())).append(") as SQL, dialect ")
                    .append(options.dialect().configName()).append(".\n");
            sql.append("-- Reads ").append(SqlText.comment(SqlText.table(options.table())))
                    .append(": numeric characteristics as DOUBLE PRECISION, categorical ones as VARCHAR with the raw text.\n");
            if (options.dialect().numbersMayBeText()) {
                sql.append("-- Missing: NULL (SQLite stores NaN as NULL); the model's missing tokens in text columns, and stored as")
                        .append(" text in numeric ones. See docs/export-sql.md.\n");
            } else {
                sql.append("-- Missing: NULL").append(options.dialect().nanIsMissing() ? " and NaN" : "")
                        .append("; in text columns also the model's missing tokens. See docs/export-sql.md.\n");
            }
        }

        // ---- sc_bins: one CASE per characteristic gives the bin index ----

        private void binsStage() {
            List<String> cols = new ArrayList<>();
            for (String i : names.ids) {
                String column = input(i);
                // A qualified column's name in a CTE is left to the engine unless it is given.
                cols.add(column.equals(id(i)) ? column : column + " AS " + id(i));
            }
            for (int k = 0; k < cs.size(); k++) {
                Characteristic c = cs.get(k);
                cols.add((c.type() == VariableType.NUMERIC ? numericCase(c) : categoricalCase(c)) + " AS " + id(names.bin(k)));
                if (canBeUnseen(c)) {
                    cols.add(input(c.name()) + " AS " + id(names.level(k)));
                }
            }
            select(cols, SqlText.table(options.table()));
        }

        private String numericCase(Characteristic c) {
            String x = input(c.name());
            List<ModelBin> bins = c.bins();
            int missing = missingBin(c);
            StringBuilder e = new StringBuilder("CASE\n");
            String isMissing = x + " IS NULL";
            if (options.dialect().nanIsMissing()) {
                isMissing += " OR " + x + " = CAST('NaN' AS DOUBLE PRECISION)";
            }
            if (options.dialect().numbersMayBeText() && !model.missingValues().isEmpty()) {
                // The scorer reads a missing token given as text as missing, and a number as a number even
                // when it equals a token (-999): typeof keeps numbers out of the token test.
                isMissing += " OR (typeof(" + x + ") = 'text' AND " + x + " IN (" + String.join(", ", tokens()) + "))";
            }
            when(e, isMissing, missing);
            for (int b = 0; b < bins.size(); b++) {
                ModelBin bin = bins.get(b);
                if (bin.kind() == BinKind.SPECIAL) {
                    List<String> values = new ArrayList<>();
                    for (double v : bin.specialValues()) {
                        values.add(SqlText.doubleLiteral(v));
                    }
                    when(e, x + " IN (" + String.join(", ", values) + ")", b);
                }
            }
            for (int b = 0; b < bins.size(); b++) {
                ModelBin bin = bins.get(b);
                if (bin.kind() != BinKind.REGULAR) {
                    continue;
                }
                List<String> bounds = new ArrayList<>(2);
                if (Double.isFinite(bin.lower())) {
                    bounds.add(x + " >= " + SqlText.doubleLiteral(bin.lower()));
                }
                if (Double.isFinite(bin.upper())) {
                    bounds.add(x + " < " + SqlText.doubleLiteral(bin.upper()));
                }
                when(e, bounds.isEmpty() ? x + " IS NOT NULL" : String.join(" AND ", bounds), b);
            }
            // Reached only by a value no comparison accepts: NaN where the engine follows IEEE 754.
            return e.append(I3).append("ELSE ").append(missing).append('\n').append(I2).append("END").toString();
        }

        private String categoricalCase(Characteristic c) {
            String x = input(c.name());
            List<ModelBin> bins = c.bins();
            StringBuilder e = new StringBuilder("CASE\n");
            List<String> tokens = tokens();
            when(e, x + " IS NULL" + (tokens.isEmpty() ? "" : " OR " + x + " IN (" + String.join(", ", tokens) + ")"),
                    missingBin(c));
            int orElse = ScoreBuffer.NEUTRAL_UNSEEN;
            for (int b = 0; b < bins.size(); b++) {
                ModelBin bin = bins.get(b);
                if (bin.kind() == BinKind.ELSE) {
                    orElse = b;
                }
                if ((bin.kind() == BinKind.REGULAR || bin.kind() == BinKind.ELSE) && !bin.categories().isEmpty()) {
                    List<String> levels = new ArrayList<>();
                    for (String level : bin.categories()) {
                        levels.add(SqlText.string(level));
                    }
                    when(e, x + " IN (" + String.join(", ", levels) + ")", b);
                }
            }
            return e.append(I3).append("ELSE ").append(orElse).append('\n').append(I2).append("END").toString();
        }

        /** @return the model's missing tokens as string literals */
        private List<String> tokens() {
            List<String> tokens = new ArrayList<>();
            for (String t : model.missingValues()) {
                tokens.add(SqlText.string(t));
            }
            return tokens;
        }

        private static void when(StringBuilder e, String condition, int bin) {
            e.append(I3).append("WHEN ").append(condition).append(" THEN ").append(bin).append('\n');
        }

        // ---- sc_points: points, WOE, reason texts, warnings ----

        private void pointsStage() {
            List<String> cols = new ArrayList<>(idColumns());
            for (int k = 0; k < cs.size(); k++) {
                Characteristic c = cs.get(k);
                List<String> points = new ArrayList<>();
                List<String> woe = new ArrayList<>();
                List<String> reason = new ArrayList<>();
                for (int b = 0; b < c.bins().size(); b++) {
                    ModelBin bin = c.bins().get(b);
                    points.add(b + " THEN " + points(bin.points()));
                    woe.add(b + " THEN " + SqlText.doubleLiteral(bin.woe()));
                    reason.add(b + " THEN " + SqlText.string(ScoringRules.reason(c.name(), bin.label())));
                }
                String bin = id(names.bin(k));
                cols.add(simpleCase(bin, points, points(c.neutralPoints())) + " AS " + id(names.points(k)));
                cols.add(simpleCase(bin, woe, "0") + " AS " + id(names.woe(k)));
                if (!names.reasons.isEmpty()) {
                    // Texts of neutral points, as the scorer writes them.
                    if (missingBin(c) < 0) {
                        reason.add(ScoreBuffer.NEUTRAL_MISSING + " THEN " + SqlText.string(ScoringRules.missingReason(c.name())));
                    }
                    if (canBeUnseen(c)) {
                        reason.add(ScoreBuffer.NEUTRAL_UNSEEN + " THEN " + SqlText.string(ScoringRules.unseenReason(c.name())));
                    }
                    cols.add(simpleCase(bin, reason, null) + " AS " + id(names.reason(k)));
                }
            }
            cols.add(warnings() + " AS " + id(names.warnings));
            if (flagRejected) {
                List<String> unseen = new ArrayList<>();
                for (int k = 0; k < cs.size(); k++) {
                    if (canBeUnseen(cs.get(k))) {
                        unseen.add(id(names.bin(k)) + " = " + ScoreBuffer.NEUTRAL_UNSEEN);
                    }
                }
                cols.add((unseen.isEmpty() ? "0" : "CASE WHEN " + String.join(" OR ", unseen) + " THEN 1 ELSE 0 END")
                        + " AS " + id(names.rejected));
            }
            select(cols, id(names.binsCte));
        }

        /** The scorer's warnings, in characteristic order, joined by {@code ;}; NULL when there is none. */
        private String warnings() {
            List<String> pieces = new ArrayList<>();
            for (int k = 0; k < cs.size(); k++) {
                Characteristic c = cs.get(k);
                boolean missing = missingBin(c) < 0;
                boolean unseen = canBeUnseen(c);
                if (!missing && !unseen) {
                    continue;
                }
                StringBuilder p = new StringBuilder("CASE");
                String bin = id(names.bin(k));
                if (missing) {
                    p.append(" WHEN ").append(bin).append(" = ").append(ScoreBuffer.NEUTRAL_MISSING).append(" THEN ")
                            .append(SqlText.string(ScoringRules.WARNING_SEPARATOR + ScoringRules.missingWarning(c.name())));
                }
                if (unseen) {
                    p.append(" WHEN ").append(bin).append(" = ").append(ScoreBuffer.NEUTRAL_UNSEEN).append(" THEN ")
                            .append(SqlText.string(ScoringRules.WARNING_SEPARATOR + ScoringRules.unseenWarningPrefix(c.name()))).append(" || ").append(id(names.level(k)));
                }
                pieces.add(p.append(" ELSE '' END").toString());
            }
            if (pieces.isEmpty()) {
                return "CAST(NULL AS VARCHAR(1))";
            }
            // Every piece starts with ';' and the next character is never one: trimming drops exactly the first.
            return "NULLIF(" + options.dialect().trimLeading("\n" + I3 + String.join("\n" + I3 + "|| ", pieces), "';'") + ", '')";
        }

        private String points(double v) {
            return integerPoints ? SqlText.number(v) : SqlText.doubleLiteral(v);
        }

        private static String simpleCase(String operand, List<String> whens, String orElse) {
            StringBuilder e = new StringBuilder("CASE ").append(operand);
            for (String w : whens) {
                e.append('\n').append(I3).append("WHEN ").append(w);
            }
            if (orElse != null) {
                e.append('\n').append(I3).append("ELSE ").append(orElse);
            }
            return e.append('\n').append(I2).append("END").toString();
        }

        // ---- sc_sums: score, linear predictor, points lost ----

        private void sumsStage() {
            List<String> cols = new ArrayList<>(idColumns());
            List<String> score = new ArrayList<>(List.of(points(model.basePoints())));
            List<String> eta = new ArrayList<>(List.of(SqlText.doubleLiteral(model.intercept())));
            for (int k = 0; k < cs.size(); k++) {
                cols.add(id(names.points(k)));
                score.add(id(names.points(k)));
                eta.add(SqlText.doubleLiteral(cs.get(k).coefficient()) + " * " + id(names.woe(k)));
            }
            cols.addAll(passedOn());
            // The scorer adds in characteristic order, starting from the base points or the intercept; so does this.
            cols.add(String.join("\n" + I3 + "+ ", score) + " AS " + id(names.score));
            cols.add(String.join("\n" + I3 + "+ ", eta) + " AS " + id(names.eta));
            if (!names.reasons.isEmpty()) {
                for (int k = 0; k < cs.size(); k++) {
                    cols.add(points(baseline(cs.get(k))) + " - " + id(names.points(k)) + " AS " + id(names.loss(k)));
                }
            }
            select(cols, id(names.pointsCte));
        }

        /** The points a characteristic's loss is measured from, computed as the scorer computes it. */
        private double baseline(Characteristic c) {
            return options.reasonBaseline() == ReasonBaseline.MAX ? c.maxPoints() : c.meanPoints();
        }

        // ---- sc_ranks: the place of each characteristic in the order of points lost ----

        private void ranksStage() {
            List<String> cols = new ArrayList<>(idColumns());
            cols.add(id(names.score));
            cols.add(id(names.eta));
            for (int k = 0; k < cs.size(); k++) {
                cols.add(id(names.points(k)));
            }
            for (int k = 0; k < cs.size(); k++) {
                cols.add(id(names.loss(k)));
            }
            cols.addAll(passedOn());
            // Rank = how many characteristics come first: more points lost, or as many and earlier in the model.
            for (int k = 0; k < cs.size(); k++) {
                List<String> terms = new ArrayList<>();
                for (int j = 0; j < cs.size(); j++) {
                    if (j != k) {
                        terms.add("CASE WHEN " + id(names.loss(j)) + (j < k ? " >= " : " > ") + id(names.loss(k))
                                + " THEN 1 ELSE 0 END");
                    }
                }
                cols.add((terms.isEmpty() ? "0" : String.join("\n" + I3 + "+ ", terms)) + " AS " + id(names.rank(k)));
            }
            select(cols, id(names.sumsCte));
        }

        /** Reason texts, warnings and the rejected flag, carried from sc_points to the end. */
        private List<String> passedOn() {
            List<String> cols = new ArrayList<>();
            if (!names.reasons.isEmpty()) {
                for (int k = 0; k < cs.size(); k++) {
                    cols.add(id(names.reason(k)));
                }
            }
            cols.add(id(names.warnings));
            if (flagRejected) {
                cols.add(id(names.rejected));
            }
            return cols;
        }

        // ---- the final SELECT ----

        private void finalSelect(String from) {
            List<String> cols = new ArrayList<>(idColumns());
            cols.add(id(names.score));
            String eta = id(names.eta);
            cols.add("CASE\n" + I3 + "WHEN " + eta + " > " + ETA_LIMIT + " THEN CAST(1 AS DOUBLE PRECISION)\n"
                    + I3 + "WHEN " + eta + " < -" + ETA_LIMIT + " THEN CAST(0 AS DOUBLE PRECISION)\n"
                    + I3 + "WHEN " + eta + " >= 0 THEN 1 / (1 + EXP(-" + eta + "))\n"
                    + I3 + "ELSE EXP(" + eta + ") / (1 + EXP(" + eta + "))\n"
                    + I2 + "END AS " + id(names.probability));
            StringBuilder grade = new StringBuilder("CASE");
            List<Grade> grades = model.grades().grades();
            for (int g = 0; g < grades.size() - 1; g++) {
                // A grade whose minimum is +inf earns no finite score: the scorer never gives it.
                if (Double.isFinite(grades.get(g).minScore())) {
                    grade.append('\n').append(I3).append("WHEN ").append(id(names.score)).append(" >= ")
                            .append(SqlText.number(grades.get(g).minScore())).append(" THEN ")
                            .append(SqlText.string(grades.get(g).name()));
                }
            }
            grade.append('\n').append(I3).append("ELSE ").append(SqlText.string(grades.get(grades.size() - 1).name()))
                    .append('\n').append(I2).append("END AS ").append(id(names.grade));
            cols.add(grade.toString());
            for (int k = 0; k < cs.size(); k++) {
                cols.add(id(names.points(k)));
            }
            for (int r = 0; r < names.reasons.size(); r++) {
                // Reason r+1 is the characteristic of rank r, when it lost points (the scorer's rule).
                StringBuilder e = new StringBuilder("CASE");
                for (int k = 0; k < cs.size(); k++) {
                    e.append('\n').append(I3).append("WHEN ").append(id(names.rank(k))).append(" = ").append(r)
                            .append(" AND ").append(id(names.loss(k))).append(" > 0 THEN ").append(id(names.reason(k)));
                }
                cols.add(e.append('\n').append(I2).append("END AS ").append(id(names.reasons.get(r))).toString());
            }
            cols.add(id(names.warnings));
            if (flagRejected) {
                cols.add(id(names.rejected));
            }
            sql.append("SELECT\n");
            columns(cols);
            sql.append("FROM ").append(id(from)).append(";\n");
        }

        // ---- helpers ----

        private void select(List<String> cols, String from) {
            sql.append(I1).append("SELECT\n");
            columns(cols);
            sql.append(I1).append("FROM ").append(from).append('\n');
        }

        private void columns(List<String> cols) {
            for (int i = 0; i < cols.size(); i++) {
                sql.append(I2).append(cols.get(i)).append(i + 1 < cols.size() ? ",\n" : "\n");
            }
        }

        private List<String> idColumns() {
            List<String> cols = new ArrayList<>();
            for (String i : names.ids) {
                cols.add(id(i));
            }
            return cols;
        }

        /** @return the bin of a missing value (its own, or the regular bin it was merged into), or neutral */
        private static int missingBin(Characteristic c) {
            int b = c.missingValueBin();
            return b >= 0 ? b : ScoreBuffer.NEUTRAL_MISSING;
        }

        /** @return true for a categorical characteristic with no else bin: an unseen level scores neutrally */
        private static boolean canBeUnseen(Characteristic c) {
            return c.type() != VariableType.NUMERIC && c.bins().stream().noneMatch(b -> b.kind() == BinKind.ELSE);
        }

        /** @return a column of the input table, as the dialect names it in the first stage */
        private String input(String column) {
            return options.dialect().inputColumn(SqlText.table(options.table()), id(column));
        }

        private static String id(String name) {
            return SqlText.identifier(name);
        }
    }
}
