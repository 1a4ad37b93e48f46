package dev.scorecard.train.export;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScoreScale;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.ScoreDirection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a scorecard as a PMML 4.4 {@code Scorecard} model (SPEC §11, {@code export --format pmml})
 * that gives, for every input, the same score, reason codes, probability (to 1e-9), 0–10 score and
 * grade as {@link Scorecard#score(java.util.Map, int, ReasonBaseline)}. The output depends only on
 * the model and the arguments: the same model gives the same bytes. {@code docs/export-pmml.md}
 * describes the mapping.
 *
 * <p>In short: one {@code DataField} per characteristic (numeric ones continuous {@code double},
 * categorical ones {@code string} with the training levels as valid values), the model's missing
 * tokens declared as missing values; one {@code Attribute} per bin, missing first, then special
 * values, then the regular bins, then a catch-all for the else bin or the neutral points; reason codes
 * {@code pointsBelow} each characteristic's maximum or mean points, worded as the scorer words them;
 * the probability and the 0–10 score and grade as output fields computed in PMML.
 *
 * <p>One departure: text in a numeric field that is neither a number nor a missing token is refused
 * by the scorer but scored as missing by the PMML, which reaches missing tokens such as {@code NA}
 * through the field's invalid-value treatment.
 */
public final class PmmlExport {
    /** PMML 4.4's namespace. */
    public static final String NAMESPACE = "http://www.dmg.org/PMML-4_4";
    private static final String REASON_FUNCTION = "reasonIfPointsLost";

    private PmmlExport() {
    }

    /**
     * Writes the model with {@value Scorecard#DEFAULT_REASONS} reason codes, as the CLI's default.
     *
     * @param model the model
     * @param baseline what points lost are measured from ({@code --reason-baseline})
     * @param out where the UTF-8 XML goes (flushed, not closed)
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the model holds text XML cannot carry (a control
     *     character) or two characteristics' reason codes read the same
     */
    public static void write(ScorecardModel model, ReasonBaseline baseline, OutputStream out) throws IOException {
        write(model, baseline, Scorecard.DEFAULT_REASONS, out);
    }

    /**
     * Writes the model.
     *
     * @param model the model
     * @param baseline what points lost are measured from ({@code --reason-baseline})
     * @param reasons how many reason codes to output ({@code --reasons}), at least 0
     * @param out where the UTF-8 XML goes (flushed, not closed)
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the model holds text XML cannot carry (a control
     *     character) or two characteristics' reason codes read the same
     */
    public static void write(ScorecardModel model, ReasonBaseline baseline, int reasons, OutputStream out)
            throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(out, "out");
        if (reasons < 0) {
            throw new IllegalArgumentException("reasons must be at least 0, got " + reasons);
        }
        new PmmlExport.Document(model, baseline, reasons).write(out);
    }

    /** @return what a characteristic's points lost are measured from: its maximum points, or its training mean */
    static double baselineScore(Characteristic c, ReasonBaseline baseline) {
        return baseline == ReasonBaseline.MAX ? c.maxPoints() : c.meanPoints();
    }

    /** The document for one model: names, rules and baselines worked out, then written in one pass. */
    private static final class Document {
        final ScorecardModel model;
        final ReasonBaseline baseline;
        final int reasons;
        final List<PmmlRules> rules = new ArrayList<>();
        final double[] baselineScores;
        /** Reason codes whose points lost are exactly 0: PMML ranks them, the scorer does not report them. */
        final Set<String> zeroLoss = new LinkedHashSet<>();
        final Set<String> taken = new HashSet<>();
        final String targetField;
        final String etaField;
        final List<String> woeFields = new ArrayList<>();

        Document(ScorecardModel model, ReasonBaseline baseline, int reasons) {
            this.model = model;
            this.baseline = baseline;
            this.reasons = reasons;
            List<Characteristic> cs = model.characteristics();
            baselineScores = new double[cs.size()];
            cs.forEach(c -> taken.add(c.name()));
            Map<String, Integer> owner = new HashMap<>();
            Map<String, Double> lossOf = new HashMap<>();
            for (int k = 0; k < cs.size(); k++) {
                Characteristic c = cs.get(k);
                PmmlRules r = PmmlRules.of(c);
                rules.add(r);
                baselineScores[k] = baselineScore(c, baseline);
                for (PmmlRules.Rule rule : r.rules()) {
                    // PMML adds up the points lost of equal reason codes, so they must not be shared.
                    Integer previous = owner.putIfAbsent(rule.reason(), k);
                    if (previous != null && previous != k) {
                        throw new IllegalArgumentException("characteristics '" + cs.get(previous).name() + "' and '"
                                + c.name() + "' both have the reason code '" + rule.reason()
                                + "'; PMML would add their points lost together, so rename one");
                    }
                    double loss = baselineScores[k] - rule.points();
                    Double other = lossOf.putIfAbsent(rule.reason(), loss);
                    if (other != null && (other == 0) != (loss == 0)) {
                        throw new IllegalArgumentException("characteristic '" + c.name() + "': two bins read '"
                                + rule.reason() + "' but lose different points; rename one bin");
                    }
                    if (loss == 0) {
                        zeroLoss.add(rule.reason());
                    }
                }
            }
            targetField = unique("overallScore");
            for (Characteristic c : cs) {
                woeFields.add(unique("woe(" + c.name() + ")"));
            }
            etaField = unique("linearPredictor");
        }

        /** @return the name, or the name with the first free suffix {@code _2}, {@code _3}, …; then taken */
        String unique(String name) {
            String candidate = name;
            for (int i = 2; taken.contains(candidate); i++) {
                candidate = name + "_" + i;
            }
            taken.add(candidate);
            return candidate;
        }

        void write(OutputStream out) throws IOException {
            try (PmmlXml x = new PmmlXml(out)) {
                x.root("PMML", NAMESPACE).attr("version", "4.4");
                header(x);
                dataDictionary(x);
                transformationDictionary(x);
                x.start("Scorecard").attr("modelName", model.name()).attr("functionName", "regression")
                        .attr("algorithmName", "WOE logistic regression scorecard")
                        .attr("initialScore", model.basePoints()).attr("useReasonCodes", "true")
                        .attr("reasonCodeAlgorithm", "pointsBelow").attr("baselineMethod", baseline.configName());
                miningSchema(x);
                output(x);
                localTransformations(x);
                characteristics(x);
                x.end();
            }
        }

        void header(PmmlXml x) throws IOException {
            String event = model.event();
            String direction = model.scaling().higherScoreMeans() == ScoreDirection.EVENT ? "more" : "less";
            x.start("Header").attr("description", "Scorecard '" + model.name() + "': target " + model.target()
                    + ", event '" + event + "'; a higher score means " + direction + " likely '" + event + "'");
            String version = PmmlExport.class.getPackage().getImplementationVersion();
            x.start("Application").attr("name", "Scorecard").attr("version", version == null ? "dev" : version).end();
            x.start("Annotation").text("Exported from a model created with " + model.createdWith()
                    + ". Reason codes rank points below each characteristic's " + (baseline == ReasonBaseline.MAX
                    ? "maximum" : "training mean") + " points; codes that lose no points are not output.").end();
            x.end();
        }

        void dataDictionary(PmmlXml x) throws IOException {
            List<Characteristic> cs = model.characteristics();
            x.start("DataDictionary").attr("numberOfFields", cs.size() + 1);
            for (Characteristic c : cs) {
                if (c.type() == VariableType.NUMERIC) {
                    x.start("DataField").attr("name", c.name()).attr("optype", "continuous").attr("dataType", "double");
                    // Tokens that are numbers (say -999) are declared missing; the others (NA, the empty
                    // text) cannot be doubles and reach the model as missing through the mining field's
                    // invalidValueTreatment: evaluators that read a missing value in the field's type
                    // (pmml4s) refuse a document declaring NA missing on a double field. A NaN scores as
                    // missing in the scorer, whatever the tokens say.
                    Set<String> missing = new LinkedHashSet<>();
                    for (String token : model.missingValues()) {
                        if (StrictNumberParser.isNumber(token)) {
                            missing.add(token);
                        }
                    }
                    missing.add("NaN");
                    for (String token : missing) {
                        x.start("Value").attr("value", token).attr("property", "missing").end();
                    }
                } else {
                    x.start("DataField").attr("name", c.name()).attr("optype", "categorical").attr("dataType", "string");
                    Set<String> levels = new LinkedHashSet<>();
                    for (ModelBin b : c.bins()) {
                        levels.addAll(b.categories());
                    }
                    // The training levels are the valid values; an unseen level is invalid, and the mining
                    // field says whether it goes on (to the else bin or neutral points) or is refused.
                    for (String level : levels) {
                        x.start("Value").attr("value", level).end();
                    }
                    for (String token : model.missingValues()) {
                        if (!levels.contains(token)) {
                            x.start("Value").attr("value", token).attr("property", "missing").end();
                        }
                    }
                }
                x.end();
            }
            x.start("DataField").attr("name", targetField).attr("optype", "continuous").attr("dataType", "double").end();
            x.end();
        }

        /** @return whether the model refuses a level of this categorical characteristic that training never saw */
        boolean refusesUnseen(Characteristic c) {
            return c.type() == VariableType.CATEGORICAL && model.unseen() == UnseenPolicy.REJECT
                    && !PmmlRules.hasElseBin(c);
        }

        void miningSchema(PmmlXml x) throws IOException {
            x.start("MiningSchema");
            for (Characteristic c : model.characteristics()) {
                // Missing values reach the attributes as missing (asIs): the missing bin or neutral points.
                // Text in a numeric field (a missing token such as NA) is missing; an unseen level goes
                // on to the else bin or neutral points, unless the model refuses unseen levels.
                String invalid;
                if (c.type() == VariableType.NUMERIC) {
                    invalid = "asMissing";
                } else if (refusesUnseen(c)) {
                    invalid = "returnInvalid";
                } else {
                    invalid = "asIs";
                }
                x.start("MiningField").attr("name", c.name()).attr("usageType", "active")
                        .attr("missingValueTreatment", "asIs").attr("invalidValueTreatment", invalid).end();
            }
            x.start("MiningField").attr("name", targetField).attr("usageType", "target").end();
            x.end();
        }

        void output(PmmlXml x) throws IOException {
            x.start("Output");
            String score = unique("score");
            x.start("OutputField").attr("name", score).attr("optype", "continuous").attr("dataType", "double")
                    .attr("feature", "predictedValue").end();
            probability(x, unique("probability"));
            score10(x, unique("score10"), score);
            grade(x, unique("grade"), score);
            // Each reason is the ranked reason code of its rank, passed on only when it loses points
            // (see transformationDictionary). The ranked codes are intermediate results: PMML's own output
            // for a rank past the last code is missing, as the scorer's, where pmml4s would repeat the
            // last code in a final reasonCode field.
            for (int rank = 1; rank <= reasons; rank++) {
                String name = unique("reason" + rank);
                String ranked = unique("rankedReasonCode" + rank);
                x.start("OutputField").attr("name", ranked).attr("optype", "categorical").attr("dataType", "string")
                        .attr("feature", "reasonCode").attr("rank", rank).attr("isFinalResult", "false").end();
                x.start("OutputField").attr("name", name).attr("optype", "categorical").attr("dataType", "string")
                        .attr("feature", "transformedValue");
                if (zeroLoss.isEmpty()) {
                    x.start("FieldRef").attr("field", ranked).end();
                } else {
                    x.start("Apply").attr("function", REASON_FUNCTION).start("FieldRef").attr("field", ranked).end().end();
                }
                x.end();
            }
            x.end();
        }

        /**
         * The function that passes on a ranked reason code unless it loses no points: PMML drops
         * codes with negative points lost but ranks those with zero after the positive ones, where the
         * scorer reports nothing. Each code's points lost is a constant (its characteristic's baseline
         * less its bin's points), so the zero ones are known here.
         */
        void transformationDictionary(PmmlXml x) throws IOException {
            if (zeroLoss.isEmpty() || reasons == 0) {
                return;
            }
            x.start("TransformationDictionary");
            x.start("DefineFunction").attr("name", REASON_FUNCTION).attr("optype", "categorical")
                    .attr("dataType", "string");
            x.start("ParameterField").attr("name", "reasonCode").attr("optype", "categorical").attr("dataType", "string")
                    .end();
            x.start("Apply").attr("function", "if");
            x.start("Apply").attr("function", "isNotIn").start("FieldRef").attr("field", "reasonCode").end();
            for (String code : zeroLoss) {
                PmmlRules.constant(x, "string", code);
            }
            x.end();
            x.start("FieldRef").attr("field", "reasonCode").end();
            x.end();
            x.end();
            x.end();
        }

        /** The scorer's logistic function of the linear predictor, in its two numerically stable forms. */
        void probability(PmmlXml x, String name) throws IOException {
            x.start("OutputField").attr("name", name).attr("optype", "continuous").attr("dataType", "double")
                    .attr("feature", "transformedValue");
            x.start("Apply").attr("function", "if");
            x.start("Apply").attr("function", "greaterOrEqual");
            x.start("FieldRef").attr("field", etaField).end();
            PmmlRules.constant(x, "double", "0");
            x.end();
            // 1 / (1 + exp(0 - eta))
            x.start("Apply").attr("function", "/");
            PmmlRules.constant(x, "double", "1");
            x.start("Apply").attr("function", "+");
            PmmlRules.constant(x, "double", "1");
            x.start("Apply").attr("function", "exp");
            x.start("Apply").attr("function", "-");
            PmmlRules.constant(x, "double", "0");
            x.start("FieldRef").attr("field", etaField).end();
            x.end().end().end().end();
            // exp(eta) / (1 + exp(eta))
            x.start("Apply").attr("function", "/");
            x.start("Apply").attr("function", "exp").start("FieldRef").attr("field", etaField).end().end();
            x.start("Apply").attr("function", "+");
            PmmlRules.constant(x, "double", "1");
            x.start("Apply").attr("function", "exp").start("FieldRef").attr("field", etaField).end().end();
            x.end().end();
            x.end();
            x.end();
        }

        /** The 0–10 score: the scale's value on each stretch between its training scores, equal stretches merged. */
        void score10(PmmlXml x, String name, String score) throws IOException {
            ScoreScale scale = model.score10();
            double[] scores = scale.scores();
            List<double[]> pieces = new ArrayList<>(); // {lower, value}
            pieces.add(new double[] {Double.NEGATIVE_INFINITY, scale.score10(Math.nextDown(scores[0]))});
            for (double s : scores) {
                double value = scale.score10(s);
                if (value != pieces.get(pieces.size() - 1)[1]) {
                    pieces.add(new double[] {s, value});
                }
            }
            x.start("OutputField").attr("name", name).attr("optype", "continuous").attr("dataType", "double")
                    .attr("feature", "transformedValue");
            x.start("Discretize").attr("field", score).attr("dataType", "double");
            for (int i = 0; i < pieces.size(); i++) {
                double upper = i + 1 < pieces.size() ? pieces.get(i + 1)[0] : Double.POSITIVE_INFINITY;
                discretizeBin(x, PmmlXml.number(pieces.get(i)[1]), pieces.get(i)[0], upper);
            }
            x.end();
            x.end();
        }

        /** Grades from the best down: a score earns the first grade whose minimum it reaches. */
        void grade(PmmlXml x, String name, String score) throws IOException {
            List<Grade> grades = model.grades().grades();
            x.start("OutputField").attr("name", name).attr("optype", "categorical").attr("dataType", "string")
                    .attr("feature", "transformedValue");
            x.start("Discretize").attr("field", score).attr("dataType", "string");
            double upper = Double.POSITIVE_INFINITY;
            for (Grade g : grades) {
                discretizeBin(x, g.name(), g.minScore(), upper);
                upper = g.minScore();
            }
            x.end();
            x.end();
        }

        /** A bin of {@code [lower, upper)}, infinite bounds left out. */
        void discretizeBin(PmmlXml x, String value, double lower, double upper) throws IOException {
            x.start("DiscretizeBin").attr("binValue", value);
            x.start("Interval").attr("closure", "closedOpen");
            if (lower != Double.NEGATIVE_INFINITY) {
                x.attr("leftMargin", lower);
            }
            if (upper != Double.POSITIVE_INFINITY) {
                x.attr("rightMargin", upper);
            }
            x.end();
            x.end();
        }

        /** Each characteristic's WOE for the row, and the linear predictor the probability comes from. */
        void localTransformations(PmmlXml x) throws IOException {
            List<Characteristic> cs = model.characteristics();
            x.start("LocalTransformations");
            for (int k = 0; k < cs.size(); k++) {
                x.start("DerivedField").attr("name", woeFields.get(k)).attr("optype", "continuous")
                        .attr("dataType", "double");
                rules.get(k).writeWoeExpression(x);
                x.end();
            }
            // intercept + b1 * woe1 + b2 * woe2 + …, added in model order as the scorer adds them.
            x.start("DerivedField").attr("name", etaField).attr("optype", "continuous").attr("dataType", "double");
            for (int k = cs.size() - 1; k >= 0; k--) {
                x.start("Apply").attr("function", "+");
            }
            PmmlRules.constant(x, "double", PmmlXml.number(model.intercept()));
            for (int k = 0; k < cs.size(); k++) {
                x.start("Apply").attr("function", "*");
                PmmlRules.constant(x, "double", PmmlXml.number(cs.get(k).coefficient()));
                x.start("FieldRef").attr("field", woeFields.get(k)).end();
                x.end();
                x.end();
            }
            x.end();
            x.end();
        }

        void characteristics(PmmlXml x) throws IOException {
            List<Characteristic> cs = model.characteristics();
            x.start("Characteristics");
            for (int k = 0; k < cs.size(); k++) {
                PmmlRules r = rules.get(k);
                x.start("Characteristic").attr("name", cs.get(k).name()).attr("baselineScore", baselineScores[k]);
                for (PmmlRules.Rule rule : r.rules()) {
                    x.start("Attribute").attr("reasonCode", rule.reason()).attr("partialScore", rule.points());
                    r.writePredicate(x, rule.condition());
                    x.end();
                }
                x.end();
            }
            x.end();
        }
    }
}
