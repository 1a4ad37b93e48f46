package dev.scorecard.train.config;

import dev.scorecard.core.internal.NearestName;
import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.eval.CutoffOptions;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.GateOptions;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinningMethod;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.MissingPolicy;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.regression.LogisticOptions;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.select.SelectionOptions;
import dev.scorecard.train.select.StepCriterion;
import dev.scorecard.train.select.Stepwise;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.CsvDialect;
import dev.scorecard.train.load.Encodings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a config file (YAML; JSON is YAML too). Unknown keys, wrong types and out-of-range values are
 * errors naming the file, the line and the key ({@code leads.yaml, line 7: key 'binning.maxBins': …}),
 * so a typo never turns into a silent default.
 */
public final class ConfigReader {
    private static final List<String> TOP_KEYS = List.of("target", "positive", "delimiter", "encoding", "missingValues", "types",
            "exclude", "id", "specialValues", "binning", "variables", "name", "split", "seed", "timeColumn", "ootFrom",
            "selection", "regression", "scaling", "grades", "unseen", "gates", "challenger", "drift",
            "cutoffs", "header", "names", "trim", "cv");
    private static final List<String> CV_KEYS = List.of("folds", "minBinShare", "l2", "maxCorrelation");
    private static final List<String> GATES_KEYS = List.of("minAuc", "minKs", "maxPsi", "maxCsi", "minPrecisionAtGrade",
            "minRecallAtGrade");
    private static final List<String> DRIFT_KEYS = List.of("warn", "alert");
    private static final List<String> CUTOFFS_KEYS = List.of("bands", "width");
    private static final List<String> SELECTION_KEYS = List.of("maxMissingShare", "maxModeShare", "minIv", "maxIv",
            "dropSuspicious", "maxCorrelation", "maxVif", "stepwise", "criterion", "pEnter", "pRemove",
            "requirePositiveCoefficients");
    private static final List<String> REGRESSION_KEYS = List.of("l2", "maxIterations", "tolerance");
    private static final List<String> SCALING_KEYS = List.of("basePoints", "baseOdds", "pdo", "higherScoreMeans",
            "rounding", "spreadBasePoints");
    private static final List<String> GRADES_KEYS = List.of("names", "shares", "cutoffs");
    private static final List<String> BINNING_KEYS = List.of("method", "maxPrebins", "minBinShare", "minBinEvents",
            "minBinNonEvents", "maxBins", "monotonic", "chiThreshold", "bins", "minLevelShare", "missing");

    private ConfigReader() {
    }

    /**
     * Every key a config may hold, as the reader checks them, for a reference that cannot drift from
     * the code: {@code target}, {@code binning.maxBins}, {@code gates.minAuc}, ... Keys under
     * {@code variables.<column>} are {@code binning}'s.
     *
     * @return the dotted names, top-level keys first
     */
    public static List<String> keys() {
        List<String> all = new java.util.ArrayList<>(TOP_KEYS);
        java.util.Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        sections.put("binning", BINNING_KEYS);
        sections.put("selection", SELECTION_KEYS);
        sections.put("regression", REGRESSION_KEYS);
        sections.put("scaling", SCALING_KEYS);
        sections.put("grades", GRADES_KEYS);
        sections.put("gates", GATES_KEYS);
        sections.put("drift", DRIFT_KEYS);
        sections.put("cutoffs", CUTOFFS_KEYS);
        sections.put("cv", CV_KEYS);
        sections.forEach((section, keys) -> keys.forEach(k -> all.add(section + "." + k)));
        return List.copyOf(all);
    }

    /**
     * @param file the config file
     * @return the config
     * @throws InputDataException when the file cannot be read or says something invalid
     */
    public static ScorecardConfig read(Path file) {
        String name = file.toString();
        JsonNode root;
        ConfigLines lines;
        try {
            byte[] yaml = Files.readAllBytes(file);
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            lines = ConfigLines.of(yaml);
        } catch (NoSuchFileException e) {
            throw new InputDataException(name, 0, null, "config file not found");
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputDataException(name, line, null, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read config: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ScorecardConfig.empty();
        }
        return parse(new Fields(name, lines), root);
    }

    private static ScorecardConfig parse(Fields f, JsonNode root) {
        ObjectNode top = f.object(root, "");
        f.knownKeys(top, "", TOP_KEYS);
        Optional<String> target = f.optionalText(top, "target");
        Optional<String> positive = f.optionalText(top, "positive");
        Optional<Character> delimiter = f.optionalChoice(top, "delimiter", Delimiters::parse);
        Optional<Charset> encoding = f.optionalChoice(top, "encoding", Encodings::parse);
        Optional<List<String>> missing = top.has("missingValues")
                ? Optional.of(f.textList(top.get("missingValues"), "missingValues")) : Optional.empty();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (top.has("types")) {
            ObjectNode t = f.object(top.get("types"), "types");
            t.properties().forEach(e -> {
                String key = "types." + e.getKey();
                types.put(e.getKey(), f.choice(e.getValue(), key, ColumnType::fromConfig));
            });
        }
        Set<String> exclude = new LinkedHashSet<>(top.has("exclude") ? f.textList(top.get("exclude"), "exclude") : List.of());
        Set<String> id = new LinkedHashSet<>(top.has("id") ? f.textList(top.get("id"), "id") : List.of());
        Map<String, List<List<Double>>> special = new LinkedHashMap<>();
        if (top.has("specialValues")) {
            ObjectNode s = f.object(top.get("specialValues"), "specialValues");
            s.properties().forEach(e -> special.put(e.getKey(), f.specialGroups(e.getValue(), "specialValues." + e.getKey())));
        }
        BinningOptions binning = top.has("binning")
                ? binningOptions(f, f.object(top.get("binning"), "binning"), "binning", BinningOptions.defaults())
                : BinningOptions.defaults();
        Map<String, BinningOptions> variables = new LinkedHashMap<>();
        if (top.has("variables")) {
            ObjectNode v = f.object(top.get("variables"), "variables");
            v.properties().forEach(e -> {
                String key = "variables." + e.getKey();
                variables.put(e.getKey(), binningOptions(f, f.object(e.getValue(), key), key, binning));
            });
        }
        return new ScorecardConfig(target, positive, delimiter, encoding, missing, types, exclude, id, special, binning, variables,
                training(f, top), evaluation(f, top), dialect(f, top));
    }

    /** {@code header}, {@code names}, {@code trim}; a problem with the names is given the line of {@code names}, else of {@code header}. */
    private static CsvDialect dialect(Fields f, ObjectNode top) {
        boolean header = bool(f, top, "header", true);
        List<String> names = top.has("names") ? f.textList(top.get("names"), "names") : List.of();
        boolean trim = bool(f, top, "trim", false);
        try {
            return new CsvDialect(header, names, trim);
        } catch (IllegalArgumentException e) {
            throw f.error(top.has("names") ? "names" : "header", e.getMessage());
        }
    }

    private static TrainingConfig training(Fields f, ObjectNode top) {
        TrainingConfig d = TrainingConfig.defaults();
        Optional<String> name = f.optionalText(top, "name");
        double split = top.has("split") ? f.number(top.get("split"), "split") : d.split();
        long seed = top.has("seed") ? f.integer(top.get("seed"), "seed") : d.seed();
        SelectionOptions sel = d.selection();
        if (top.has("selection")) {
            ObjectNode n = f.object(top.get("selection"), "selection");
            f.knownKeys(n, "selection.", SELECTION_KEYS);
            SelectionOptions s = sel;
            sel = f.build("selection", () -> new SelectionOptions(
                    num(f, n, "selection.maxMissingShare", s.maxMissingShare()),
                    num(f, n, "selection.maxModeShare", s.maxModeShare()),
                    num(f, n, "selection.minIv", s.minIv()),
                    num(f, n, "selection.maxIv", s.maxIv()),
                    bool(f, n, "selection.dropSuspicious", s.dropSuspicious()),
                    num(f, n, "selection.maxCorrelation", s.maxCorrelation()),
                    num(f, n, "selection.maxVif", s.maxVif()),
                    n.has("stepwise") ? f.choice(n.get("stepwise"), "selection.stepwise", Stepwise::fromConfig) : s.stepwise(),
                    n.has("criterion") ? f.choice(n.get("criterion"), "selection.criterion", StepCriterion::fromConfig)
                            : s.criterion(),
                    num(f, n, "selection.pEnter", s.pEnter()),
                    num(f, n, "selection.pRemove", s.pRemove()),
                    bool(f, n, "selection.requirePositiveCoefficients", s.requirePositiveCoefficients())));
        }
        LogisticOptions reg = d.regression();
        if (top.has("regression")) {
            ObjectNode n = f.object(top.get("regression"), "regression");
            f.knownKeys(n, "regression.", REGRESSION_KEYS);
            LogisticOptions r = reg;
            reg = f.build("regression", () -> new LogisticOptions(num(f, n, "regression.l2", r.l2()),
                    n.has("maxIterations") ? f.integer(n.get("maxIterations"), "regression.maxIterations") : r.maxIterations(),
                    num(f, n, "regression.tolerance", r.tolerance())));
        }
        ScalingOptions sc = d.scaling();
        if (top.has("scaling")) {
            ObjectNode n = f.object(top.get("scaling"), "scaling");
            f.knownKeys(n, "scaling.", SCALING_KEYS);
            ScalingOptions s = sc;
            sc = f.build("scaling", () -> new ScalingOptions(num(f, n, "scaling.basePoints", s.basePoints()),
                    num(f, n, "scaling.baseOdds", s.baseOdds()), num(f, n, "scaling.pdo", s.pdo()),
                    n.has("higherScoreMeans") ? f.choice(n.get("higherScoreMeans"), "scaling.higherScoreMeans",
                            ScoreDirection::fromConfig) : s.higherScoreMeans(),
                    n.has("rounding") ? f.choice(n.get("rounding"), "scaling.rounding", Rounding::fromConfig) : s.rounding(),
                    bool(f, n, "scaling.spreadBasePoints", s.spreadBasePoints())));
        }
        List<String> gradeNames = d.gradeNames();
        List<Double> gradeShares = d.gradeShares();
        List<Double> cutoffs = d.gradeCutoffs();
        if (top.has("grades")) {
            ObjectNode n = f.object(top.get("grades"), "grades");
            f.knownKeys(n, "grades.", GRADES_KEYS);
            if (n.has("names")) {
                gradeNames = f.textList(n.get("names"), "grades.names");
            }
            if (n.has("shares")) {
                gradeShares = f.numberList(n.get("shares"), "grades.shares");
            } else if (n.has("names")) {
                gradeShares = List.of();
            }
            if (n.has("cutoffs")) {
                cutoffs = f.numberList(n.get("cutoffs"), "grades.cutoffs");
            }
        }
        UnseenPolicy unseen = top.has("unseen") ? f.choice(top.get("unseen"), "unseen", UnseenPolicy::fromConfig) : d.unseen();
        Optional<String> timeColumn = f.optionalText(top, "timeColumn");
        Optional<String> ootFrom = f.optionalText(top, "ootFrom");
        SelectionOptions s = sel;
        LogisticOptions r = reg;
        ScalingOptions c = sc;
        List<String> names = gradeNames;
        List<Double> shares = gradeShares;
        List<Double> cuts = cutoffs;
        CvOptions cv = cv(f, top, d.cv());
        // "timeColumn and ootFrom go together" names timeColumn; when only ootFrom is given, that is the line.
        return f.build("", "ootFrom", () -> new TrainingConfig(name, split, seed, timeColumn, ootFrom, s, r, c, names,
                shares, cuts, unseen, cv));
    }

    /** {@code cv: 5} is short for {@code cv: {folds: 5}}. */
    private static CvOptions cv(Fields f, ObjectNode top, CvOptions d) {
        if (!top.has("cv")) {
            return d;
        }
        JsonNode node = top.get("cv");
        if (node.isNumber()) {
            int folds = f.integer(node, "cv");
            return f.build("cv", () -> d.withFolds(folds));
        }
        ObjectNode n = f.object(node, "cv");
        f.knownKeys(n, "cv.", CV_KEYS);
        int folds = n.has("folds") ? f.integer(n.get("folds"), "cv.folds") : 5;
        List<Double> shares = n.has("minBinShare") ? f.numberList(n.get("minBinShare"), "cv.minBinShare") : d.minBinShare();
        List<Double> l2 = n.has("l2") ? f.numberList(n.get("l2"), "cv.l2") : d.l2();
        List<Double> corr = n.has("maxCorrelation") ? f.numberList(n.get("maxCorrelation"), "cv.maxCorrelation")
                : d.maxCorrelation();
        return f.build("cv", () -> new CvOptions(folds, shares, l2, corr));
    }

    private static EvaluationConfig evaluation(Fields f, ObjectNode top) {
        EvaluationConfig d = EvaluationConfig.defaults();
        GateOptions gates = d.gates();
        if (top.has("gates")) {
            ObjectNode n = f.object(top.get("gates"), "gates");
            f.knownKeys(n, "gates.", GATES_KEYS);
            gates = f.build("gates", () -> new GateOptions(optional(f, n, "gates.minAuc"), optional(f, n, "gates.minKs"),
                    optional(f, n, "gates.maxPsi"), optional(f, n, "gates.maxCsi"),
                    gradeBounds(f, n, "gates.minPrecisionAtGrade"), gradeBounds(f, n, "gates.minRecallAtGrade")));
        }
        Optional<ChallengerKind> challenger = top.has("challenger")
                ? Optional.of(f.choice(top.get("challenger"), "challenger", ChallengerKind::fromConfig)) : Optional.empty();
        DriftThresholds drift = d.drift();
        if (top.has("drift")) {
            ObjectNode n = f.object(top.get("drift"), "drift");
            f.knownKeys(n, "drift.", DRIFT_KEYS);
            DriftThresholds t = drift;
            drift = f.build("drift", () -> new DriftThresholds(num(f, n, "drift.warn", t.warn()),
                    num(f, n, "drift.alert", t.alert())));
        }
        CutoffOptions cutoffs = d.cutoffs();
        if (top.has("cutoffs")) {
            ObjectNode n = f.object(top.get("cutoffs"), "cutoffs");
            f.knownKeys(n, "cutoffs.", CUTOFFS_KEYS);
            OptionalInt bands = n.has("bands") ? OptionalInt.of(f.integer(n.get("bands"), "cutoffs.bands")) : OptionalInt.empty();
            OptionalDouble width = optional(f, n, "cutoffs.width");
            cutoffs = f.build("cutoffs", () -> new CutoffOptions(bands, width));
        }
        return new EvaluationConfig(gates, challenger, drift, cutoffs);
    }

    private static OptionalDouble optional(Fields f, ObjectNode n, String key) {
        String leaf = key.substring(key.indexOf('.') + 1);
        return n.has(leaf) ? OptionalDouble.of(f.number(n.get(leaf), key)) : OptionalDouble.empty();
    }

    private static Map<String, Double> gradeBounds(Fields f, ObjectNode n, String key) {
        String leaf = key.substring(key.indexOf('.') + 1);
        Map<String, Double> out = new LinkedHashMap<>();
        if (n.has(leaf)) {
            f.object(n.get(leaf), key).properties().forEach(e -> out.put(e.getKey(), f.number(e.getValue(), key + "." + e.getKey())));
        }
        return out;
    }

    private static double num(Fields f, ObjectNode n, String key, double fallback) {
        String leaf = key.substring(key.indexOf('.') + 1);
        return n.has(leaf) ? f.number(n.get(leaf), key) : fallback;
    }

    private static boolean bool(Fields f, ObjectNode n, String key, boolean fallback) {
        String leaf = key.substring(key.indexOf('.') + 1); // a top-level key has no '.': indexOf is -1, the whole key
        if (!n.has(leaf)) {
            return fallback;
        }
        if (!n.get(leaf).isBoolean()) {
            throw f.error(key, "must be true or false, got '" + n.get(leaf).asText() + "'");
        }
        return n.get(leaf).booleanValue();
    }

    private static BinningOptions binningOptions(Fields f, ObjectNode node, String path, BinningOptions base) {
        f.knownKeys(node, path + ".", BINNING_KEYS);
        BinningOptions o = base;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = path + "." + e.getKey();
            JsonNode v = e.getValue();
            try {
                o = switch (e.getKey()) {
                    case "method" -> o.withMethod(BinningMethod.fromConfig(f.text(v, key)));
                    case "maxPrebins" -> o.withMaxPrebins(f.integer(v, key));
                    case "minBinShare" -> o.withMinBinShare(f.number(v, key));
                    case "minBinEvents" -> o.withMinBinEvents(f.integer(v, key));
                    case "minBinNonEvents" -> o.withMinBinNonEvents(f.integer(v, key));
                    case "maxBins" -> o.withMaxBins(f.integer(v, key));
                    case "monotonic" -> o.withMonotonic(Monotonic.fromConfig(f.text(v, key)));
                    case "chiThreshold" -> o.withChiThreshold(f.number(v, key));
                    case "bins" -> o.withBins(f.integer(v, key));
                    case "minLevelShare" -> o.withMinLevelShare(f.number(v, key));
                    case "missing" -> o.withMissing(MissingPolicy.fromConfig(f.text(v, key)));
                    default -> throw new IllegalStateException(e.getKey());
                };
            } catch (IllegalArgumentException ex) {
                throw f.error(key, ex.getMessage());
            }
        }
        return o;
    }

    /** Typed access to YAML nodes with errors that name the file, the line and the key. */
    private static final class Fields {
        final String file;
        final ConfigLines lines;

        Fields(String file, ConfigLines lines) {
            this.file = file;
            this.lines = lines;
        }

        InputDataException error(String key, String problem) {
            return new InputDataException(file, lines.of(key), null, "key '" + key + "': " + problem);
        }

        /** @return the value read by {@code fromConfig}, whose message lists the allowed values */
        <T> T choice(JsonNode node, String key, Function<String, T> fromConfig) {
            String text = text(node, key);
            try {
                return fromConfig.apply(text);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        <T> T build(String section, Supplier<T> options) {
            return build(section, section, options);
        }

        /**
         * Builds an options record, which checks its values together. Its messages already name the
         * key they are about ("pdo: 0 is out of range", "gates.minAuc: 1.5 is out of range"), so they
         * are kept and only given the line: that key's within {@code section} when the file has it,
         * else {@code fallback}'s.
         */
        <T> T build(String section, String fallback, Supplier<T> options) {
            try {
                return options.get();
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                int end = 0;
                while (end < message.length()
                        && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '.')) {
                    end++;
                }
                String named = message.substring(0, end);
                String key = section.isEmpty() ? named : section + "." + named;
                if (!lines.has(key)) {
                    key = lines.has(named) ? named : fallback;
                }
                throw new InputDataException(file, lines.of(key), null, message);
            }
        }

        ObjectNode object(JsonNode node, String key) {
            if (!(node instanceof ObjectNode)) {
                throw key.isEmpty() ? new InputDataException(file, lines.of(""), null, "the config must be a mapping of keys to values")
                        : error(key, "must be a mapping, got " + describe(node));
            }
            return (ObjectNode) node;
        }

        void knownKeys(ObjectNode node, String prefix, List<String> known) {
            node.fieldNames().forEachRemaining(k -> {
                if (!known.contains(k)) {
                    throw error(prefix + k, "unknown key; known keys are " + String.join(", ", known)
                            + NearestName.didYouMean(k, known));
                }
            });
        }

        Optional<String> optionalText(ObjectNode node, String key) {
            return node.has(key) ? Optional.of(text(node.get(key), key)) : Optional.empty();
        }

        /** {@link #choice} of a key that may be absent. */
        <T> Optional<T> optionalChoice(ObjectNode node, String key, Function<String, T> fromConfig) {
            return node.has(key) ? Optional.of(choice(node.get(key), key, fromConfig)) : Optional.empty();
        }

        String text(JsonNode node, String key) {
            if (node == null || !node.isValueNode() || node.isNull()) {
                throw error(key, "must be a single value, got " + describe(node));
            }
            return node.asText();
        }

        List<String> textList(JsonNode node, String key) {
            List<String> out = new ArrayList<>();
            if (node.isValueNode() && !node.isNull()) {
                out.add(node.asText());
                return out;
            }
            if (!node.isArray()) {
                throw error(key, "must be a list, got " + describe(node));
            }
            for (JsonNode n : node) {
                out.add(text(n, key));
            }
            return out;
        }

        List<Double> numberList(JsonNode node, String key) {
            if (!node.isArray()) {
                throw error(key, "must be a list of numbers");
            }
            List<Double> out = new ArrayList<>();
            for (JsonNode n : node) {
                out.add(number(n, key));
            }
            return out;
        }

        int integer(JsonNode node, String key) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error(key, "must be a whole number, got " + describe(node));
            }
            return node.intValue();
        }

        double number(JsonNode node, String key) {
            if (!node.isNumber()) {
                throw error(key, "must be a number, got " + describe(node));
            }
            return node.doubleValue();
        }

        List<List<Double>> specialGroups(JsonNode node, String key) {
            if (!node.isArray()) {
                throw error(key, "must be a list of values, or a list of lists of values (one bin per list)");
            }
            boolean nested = node.size() > 0 && node.get(0).isArray();
            List<List<Double>> groups = new ArrayList<>();
            if (!nested) {
                List<Double> one = new ArrayList<>();
                for (JsonNode n : node) {
                    one.add(number(n, key));
                }
                groups.add(one);
                return groups;
            }
            for (JsonNode g : node) {
                if (!g.isArray()) {
                    throw error(key, "mixes values and lists; use either [-7, -8] or [[-7], [-8]]");
                }
                List<Double> one = new ArrayList<>();
                for (JsonNode n : g) {
                    one.add(number(n, key));
                }
                groups.add(one);
            }
            return groups;
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isNull()) {
                return "nothing";
            }
            if (node.isObject()) {
                return "a mapping";
            }
            if (node.isArray()) {
                return "a list";
            }
            return "'" + node.asText() + "'";
        }
    }
}
