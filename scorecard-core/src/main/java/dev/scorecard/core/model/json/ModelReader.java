package dev.scorecard.core.model.json;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScoreScale;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoringRules;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.scorecard.core.ModelFormatException;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code model.json} (SPEC §6) written by {@link ModelWriter}, strictly (SPEC §13), by hand on
 * Jackson's streaming parser: no data binding, no reflection, no polymorphic typing.
 *
 * <p>The file must be UTF-8 JSON holding one object and nothing after it. Members may come in any
 * order, but each object must have exactly the members the format defines: a duplicate, unknown or
 * missing member is an error, and so is a value of the wrong JSON type. {@code baseline.candidates}
 * is the one optional object: a file written before candidate baselines were stored has none, and
 * reads as a model whose {@link Baseline#candidates()} is empty. A characteristic's
 * {@code missingBin} is optional too: absent, its missing values go to its bin of kind missing or
 * score neutrally; present, it must name one of its regular bins and the characteristic must have no
 * bin of kind missing. Numbers are never coerced:
 * a count written {@code 1.5} or {@code 1e3}, or a number written as a string {@code "12"}, is an
 * error; the only strings read as numbers are {@code "-inf"} and {@code "inf"} in a bin's
 * {@code lower} and {@code upper} and a grade's {@code minScore}. Every other number must be finite
 * ({@code 1e400} is refused). The parser refuses documents nested deeper than
 * {@value #MAX_NESTING_DEPTH} levels, strings longer than {@value #MAX_STRING_LENGTH} characters,
 * numbers longer than {@value #MAX_NUMBER_LENGTH} characters and files longer than
 * {@value #MAX_DOCUMENT_LENGTH} bytes.
 *
 * <p>{@code format} must be {@value ModelWriter#FORMAT}; {@code formatVersion} must be an integer
 * from 1 to {@value ModelWriter#FORMAT_VERSION}. Both are checked as soon as they are read, and the
 * writer puts them first, so a file of another version is refused by its version, not by the first
 * member this version does not know. The model's own rules (the checks of
 * {@link Characteristic}, {@link ModelBin}, {@link GradeTable} and the other records: increasing
 * finite cut points, unique categories and special values, at most one missing bin, grades in
 * order) are applied as the objects are read. Last, unless told not to, the {@code checksum} is
 * compared with the SHA-256 of the model's canonical bytes (see {@link ModelWriter}).
 *
 * <p>Every problem with the content is a {@link ModelFormatException} whose message names the JSON
 * path ({@code characteristics[3].bins[2].woe}) and, where the parser knows it, the line and column.
 * Only a failure to read the bytes themselves is an {@link IOException}.
 */
public final class ModelReader {
    /** The deepest nesting of objects and arrays the parser accepts. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** The longest string, in characters, the parser accepts. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** The longest number, in characters, the parser accepts. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest file, in bytes, the reader accepts (256 MiB). */
    public static final int MAX_DOCUMENT_LENGTH = 268_435_456;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; (?=line: )");
    private static final Map<String, VariableType> TYPES = names(VariableType.values(), ModelWriter::type);
    private static final Map<String, BinKind> KINDS = names(BinKind.values(), ModelWriter::kind);
    private static final Map<String, ScoreDirection> DIRECTIONS = names(ScoreDirection.values(), ModelWriter::direction);
    private static final Map<String, Rounding> ROUNDINGS = names(Rounding.values(), ModelWriter::rounding);
    private static final Map<String, UnseenPolicy> UNSEEN = names(UnseenPolicy.values(), ModelWriter::unseen);

    private final JsonParser p;
    /** Where the name of the member being read starts, for "unknown field" messages. */
    private JsonLocation nameLocation;

    private ModelReader(JsonParser p) {
        this.p = p;
    }

    /**
     * Reads a model file and checks its checksum.
     *
     * @param file the model file
     * @return the model
     * @throws ModelFormatException if the content is not a valid model file
     * @throws IOException if the file cannot be read
     */
    public static ScorecardModel read(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * Reads a model file.
     *
     * @param file the model file
     * @param verifyChecksum false to load a file whose checksum is missing or does not match (the
     *     command line's {@code --ignore-checksum})
     * @return the model
     * @throws ModelFormatException if the content is not a valid model file
     * @throws IOException if the file cannot be read
     */
    public static ScorecardModel read(Path file, boolean verifyChecksum) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, verifyChecksum);
        }
    }

    /**
     * Reads a model file from a stream, to its end, and checks its checksum; the stream is not closed.
     *
     * @param in the bytes of the file
     * @return the model
     * @throws ModelFormatException if the content is not a valid model file
     * @throws IOException if the stream fails
     */
    public static ScorecardModel read(InputStream in) throws IOException {
        return read(in, true);
    }

    /**
     * Reads a model file from a stream, to its end; the stream is not closed.
     *
     * @param in the bytes of the file
     * @param verifyChecksum false to load a file whose checksum is missing or does not match (the
     *     command line's {@code --ignore-checksum})
     * @return the model
     * @throws ModelFormatException if the content is not a valid model file
     * @throws IOException if the stream fails
     */
    public static ScorecardModel read(InputStream in, boolean verifyChecksum) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT_LENGTH + 1);
        if (bytes.length > MAX_DOCUMENT_LENGTH) {
            throw new ModelFormatException("the model file is longer than the reader's limit of " + MAX_DOCUMENT_LENGTH
                    + " bytes");
        }
        return read(bytes, verifyChecksum);
    }

    /**
     * @param bytes the whole file
     * @param verifyChecksum whether to check the checksum
     * @return the model
     */
    static ScorecardModel read(byte[] bytes, boolean verifyChecksum) {
        String text = decode(bytes);
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new ModelReader(parser).document(verifyChecksum);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("malformed JSON: " + cleaned(e.getOriginalMessage()) + at(e.getLocation()), e);
        } catch (IOException e) {
            // The parser reads from a string: nothing but the parser itself can fail.
            throw new ModelFormatException("cannot parse the model file: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes strictly, rather than letting Jackson detect the encoding, so that UTF-16/32, a
     * byte-order mark and malformed UTF-8 are refused instead of read.
     */
    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw new ModelFormatException("the model file looks like UTF-16 or UTF-32; a model file is UTF-8");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (CharacterCodingException e) {
            // The decoder stops at the start of the malformed sequence; what comes before it is valid UTF-8.
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new ModelFormatException("the model file is not valid UTF-8: byte " + at + " (line " + line + ", column "
                    + column + ")", e);
        }
        if (text.startsWith("\uFEFF")) {
            throw new ModelFormatException("the model file starts with a byte-order mark; a model file is UTF-8 without one");
        }
        return text;
    }

    /** @return the parser factory with the reader's limits, for tests */
    static JsonFactory factory() {
        return FACTORY;
    }

    // ---------------------------------------------------------------- the objects of the format

    private ScorecardModel document(boolean verifyChecksum) throws IOException {
        if (next("") == null) {
            throw new ModelFormatException("the model file is empty");
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new ModelFormatException("a model file holds one JSON object; found " + found("") + at(tokenLocation()));
        }
        JsonLocation start = tokenLocation();
        String format = null;
        Long version = null;
        String name = null;
        String createdWith = null;
        String target = null;
        String event = null;
        ScalingOptions scaling = null;
        Double basePoints = null;
        Double intercept = null;
        List<String> missingValues = null;
        UnseenPolicy unseen = null;
        List<Characteristic> characteristics = null;
        List<Coefficient> coefficients = null;
        GradeTable grades = null;
        ScoreScale score10 = null;
        Baseline baseline = null;
        List<SplitMetrics> metrics = null;
        Provenance provenance = null;
        List<VerificationCase> verification = null;
        String nonEvent = null;
        String checksum = null;
        for (String f; (f = nextField("")) != null;) {
            switch (f) {
                case "format" -> format = format(f);
                case "formatVersion" -> version = formatVersion(f);
                case "name" -> name = string(f);
                case "createdWith" -> createdWith = string(f);
                case "target" -> target = string(f);
                case "event" -> event = string(f);
                case "nonEvent" -> nonEvent = string(f);
                case "scaling" -> scaling = scaling(f);
                case "basePoints" -> basePoints = number(f);
                case "intercept" -> intercept = number(f);
                case "missingValues" -> missingValues = strings(f);
                case "unseen" -> unseen = choice(f, UNSEEN);
                case "characteristics" -> characteristics = characteristics(f);
                case "coefficients" -> coefficients = coefficients(f);
                case "grades" -> grades = grades(f);
                case "score10" -> score10 = score10(f);
                case "baseline" -> baseline = baseline(f);
                case "metrics" -> metrics = metrics(f);
                case "provenance" -> provenance = provenance(f);
                case "verification" -> verification = verification(f);
                case "checksum" -> checksum = string(f);
                default -> throw unknownField(f, "");
            }
        }
        JsonToken after;
        try {
            after = p.nextToken();
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("unexpected content after the end of the model" + at(e.getLocation()), e);
        }
        if (after != null) {
            throw new ModelFormatException("unexpected content after the end of the model" + at(tokenLocation()));
        }
        String path = "";
        required(format, "format", path, start);
        required(version, "formatVersion", path, start);
        ScorecardModel model;
        try {
            model = new ScorecardModel(required(name, "name", path, start),
                    required(createdWith, "createdWith", path, start),
                    required(target, "target", path, start),
                    required(event, "event", path, start),
                    Optional.ofNullable(nonEvent),
                    required(scaling, "scaling", path, start),
                    required(basePoints, "basePoints", path, start),
                    required(intercept, "intercept", path, start),
                    required(missingValues, "missingValues", path, start),
                    required(unseen, "unseen", path, start),
                    required(characteristics, "characteristics", path, start),
                    required(coefficients, "coefficients", path, start),
                    required(grades, "grades", path, start),
                    required(score10, "score10", path, start),
                    required(baseline, "baseline", path, start),
                    required(metrics, "metrics", path, start),
                    required(provenance, "provenance", path, start),
                    required(verification, "verification", path, start));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(path, e, start);
        }
        if (verifyChecksum) {
            verifyChecksum(model, checksum, start);
        }
        return model;
    }

    private static void verifyChecksum(ScorecardModel model, String found, JsonLocation start) {
        if (found == null) {
            throw new ModelFormatException("missing field 'checksum' at the top level" + at(start)
                    + "; pass --ignore-checksum to load it anyway");
        }
        if (!HEX_64.matcher(found).matches()) {
            throw new ModelFormatException("checksum: expected 64 lowercase hex digits, found " + quote(found)
                    + "; pass --ignore-checksum to load it anyway");
        }
        String actual;
        try {
            actual = ModelWriter.checksum(ModelWriter.canonicalBytes(model));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("cannot compute the checksum of the model read: " + e.getMessage(), e);
        }
        if (!actual.equals(found)) {
            throw new ModelFormatException("checksum mismatch: the file was changed after it was written (expected "
                    + found + ", found " + actual + "); pass --ignore-checksum to load it anyway");
        }
    }

    private String format(String path) throws IOException {
        String format = string(path);
        if (!ModelWriter.FORMAT.equals(format)) {
            throw new ModelFormatException("this is not a scorecard model file: format is " + quote(format)
                    + ", expected \"" + ModelWriter.FORMAT + "\"" + at(tokenLocation()));
        }
        return format;
    }

    private long formatVersion(String path) throws IOException {
        long version = integer(path);
        if (version > ModelWriter.FORMAT_VERSION) {
            throw new ModelFormatException("model formatVersion " + version + " is newer than this scorecard supports (at most "
                    + ModelWriter.FORMAT_VERSION + "); upgrade scorecard");
        }
        if (version < 1) {
            throw new ModelFormatException("model formatVersion " + version + " is not a valid version: versions start at 1");
        }
        return version;
    }

    private ScalingOptions scaling(String path) throws IOException {
        JsonLocation start = startObject(path);
        Double basePoints = null;
        Double baseOdds = null;
        Double pdo = null;
        ScoreDirection direction = null;
        Rounding rounding = null;
        Boolean spread = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "basePoints" -> basePoints = number(fp);
                case "baseOdds" -> baseOdds = number(fp);
                case "pdo" -> pdo = number(fp);
                case "higherScoreMeans" -> direction = choice(fp, DIRECTIONS);
                case "rounding" -> rounding = choice(fp, ROUNDINGS);
                case "spreadBasePoints" -> spread = bool(fp);
                default -> throw unknownField(f, path);
            }
        }
        try {
            return new ScalingOptions(required(basePoints, "basePoints", path, start),
                    required(baseOdds, "baseOdds", path, start),
                    required(pdo, "pdo", path, start),
                    required(direction, "higherScoreMeans", path, start),
                    required(rounding, "rounding", path, start),
                    required(spread, "spreadBasePoints", path, start));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    private List<Characteristic> characteristics(String path) throws IOException {
        startArray(path);
        List<Characteristic> out = new ArrayList<>();
        while (nextElement(path)) {
            out.add(characteristic(path + "[" + out.size() + "]"));
        }
        return out;
    }

    private Characteristic characteristic(String path) throws IOException {
        JsonLocation start = startObject(path);
        String name = null;
        VariableType type = null;
        Double coefficient = null;
        Double neutralPoints = null;
        Long missingBin = null;
        List<RawBin> bins = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "name" -> name = string(fp);
                case "type" -> type = choice(fp, TYPES);
                case "coefficient" -> coefficient = number(fp);
                case "neutralPoints" -> neutralPoints = number(fp);
                case "missingBin" -> missingBin = binIndex(fp);
                case "bins" -> {
                    startArray(fp);
                    bins = new ArrayList<>();
                    while (nextElement(fp)) {
                        bins.add(bin(fp + "[" + bins.size() + "]"));
                    }
                }
                default -> throw unknownField(f, path);
            }
        }
        required(name, "name", path, start);
        required(type, "type", path, start);
        required(coefficient, "coefficient", path, start);
        required(neutralPoints, "neutralPoints", path, start);
        required(bins, "bins", path, start);
        List<ModelBin> modelBins = new ArrayList<>(bins.size());
        for (RawBin b : bins) {
            modelBins.add(b.toModelBin(type));
        }
        try {
            return new Characteristic(name, type, coefficient, modelBins, neutralPoints,
                    missingBin == null ? OptionalInt.empty() : OptionalInt.of(missingBin.intValue()));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    /** A bin as read, before its characteristic's type (which may come after it) is known. */
    private static final class RawBin {
        String path;
        JsonLocation start;
        String label;
        BinKind kind;
        Double lower;
        Double upper;
        List<String> categories;
        List<Double> specialValues;
        Double woe;
        Double points;
        Long count;
        Double eventRate;

        ModelBin toModelBin(VariableType type) {
            boolean bounded = ScoringRules.hasBounds(type, kind);
            boolean grouped = ScoringRules.hasCategories(type, kind);
            boolean special = ScoringRules.hasSpecialValues(kind);
            presence(lower, "lower", bounded, ScoringRules.BOUNDS_RULE);
            presence(upper, "upper", bounded, ScoringRules.BOUNDS_RULE);
            presence(categories, "categories", grouped, ScoringRules.CATEGORIES_RULE);
            presence(specialValues, "specialValues", special, ScoringRules.SPECIAL_VALUES_RULE);
            try {
                return new ModelBin(label, kind, bounded ? lower : Double.NaN, bounded ? upper : Double.NaN,
                        grouped ? categories : List.of(), special ? specialValues : List.of(), woe, points, count,
                        eventRate == null ? Double.NaN : eventRate);
            } catch (IllegalArgumentException e) {
                throw invalid(path, e, start);
            }
        }

        private void presence(Object value, String field, boolean wanted, String rule) {
            if (wanted && value == null) {
                throw new ModelFormatException("missing field '" + field + "' " + in(path) + ": " + rule + at(start));
            }
            if (!wanted && value != null) {
                throw new ModelFormatException("field '" + field + "' is not allowed " + in(path) + ": " + rule + at(start));
            }
        }
    }

    private RawBin bin(String path) throws IOException {
        RawBin b = new RawBin();
        b.path = path;
        b.start = startObject(path);
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "label" -> b.label = string(fp);
                case "kind" -> b.kind = choice(fp, KINDS);
                case "lower" -> b.lower = bound(fp);
                case "upper" -> b.upper = bound(fp);
                case "categories" -> b.categories = strings(fp);
                case "specialValues" -> b.specialValues = numbers(fp);
                case "woe" -> b.woe = number(fp);
                case "points" -> b.points = number(fp);
                case "count" -> b.count = integer(fp);
                case "eventRate" -> b.eventRate = number(fp);
                default -> throw unknownField(f, path);
            }
        }
        required(b.label, "label", path, b.start);
        required(b.kind, "kind", path, b.start);
        required(b.woe, "woe", path, b.start);
        required(b.points, "points", path, b.start);
        required(b.count, "count", path, b.start);
        return b;
    }

    private List<Coefficient> coefficients(String path) throws IOException {
        startArray(path);
        List<Coefficient> out = new ArrayList<>();
        while (nextElement(path)) {
            String ep = path + "[" + out.size() + "]";
            JsonLocation start = startObject(ep);
            String name = null;
            Double estimate = null;
            Double standardError = null;
            Double z = null;
            Double pValue = null;
            for (String f; (f = nextField(ep)) != null;) {
                String fp = child(ep, f);
                switch (f) {
                    case "name" -> name = string(fp);
                    case "estimate" -> estimate = number(fp);
                    case "standardError" -> standardError = number(fp);
                    case "z" -> z = number(fp);
                    case "pValue" -> pValue = number(fp);
                    default -> throw unknownField(f, ep);
                }
            }
            try {
                out.add(new Coefficient(required(name, "name", ep, start), required(estimate, "estimate", ep, start),
                        orNaN(standardError), orNaN(z), orNaN(pValue)));
            } catch (IllegalArgumentException e) {
                throw invalid(ep, e, start);
            }
        }
        return out;
    }

    private GradeTable grades(String path) throws IOException {
        JsonLocation arrayStart = startArray(path);
        List<Grade> out = new ArrayList<>();
        while (nextElement(path)) {
            String ep = path + "[" + out.size() + "]";
            JsonLocation start = startObject(ep);
            String name = null;
            Double minScore = null;
            for (String f; (f = nextField(ep)) != null;) {
                String fp = child(ep, f);
                switch (f) {
                    case "name" -> name = string(fp);
                    case "minScore" -> minScore = bound(fp);
                    default -> throw unknownField(f, ep);
                }
            }
            try {
                out.add(new Grade(required(name, "name", ep, start), required(minScore, "minScore", ep, start)));
            } catch (IllegalArgumentException e) {
                throw invalid(ep, e, start);
            }
        }
        try {
            return new GradeTable(out);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, arrayStart);
        }
    }

    private ScoreScale score10(String path) throws IOException {
        JsonLocation start = startObject(path);
        List<Double> scores = null;
        List<Double> shares = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "scores" -> scores = numbers(fp);
                case "shares" -> shares = numbers(fp);
                default -> throw unknownField(f, path);
            }
        }
        double[] s = required(scores, "scores", path, start).stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = required(shares, "shares", path, start).stream().mapToDouble(Double::doubleValue).toArray();
        try {
            return new ScoreScale(s, c);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    private Baseline baseline(String path) throws IOException {
        JsonLocation start = startObject(path);
        List<Double> scoreEdges = null;
        List<Double> scoreShares = null;
        List<Baseline.BinShares> characteristics = null;
        List<Baseline.Candidate> candidates = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "scoreEdges" -> scoreEdges = numbers(fp);
                case "scoreShares" -> scoreShares = numbers(fp);
                case "characteristics" -> {
                    startArray(fp);
                    characteristics = new ArrayList<>();
                    while (nextElement(fp)) {
                        characteristics.add(binShares(fp + "[" + characteristics.size() + "]"));
                    }
                }
                case "candidates" -> {
                    startArray(fp);
                    candidates = new ArrayList<>();
                    while (nextElement(fp)) {
                        candidates.add(candidate(fp + "[" + candidates.size() + "]"));
                    }
                }
                default -> throw unknownField(f, path);
            }
        }
        try {
            // Optional: files written before candidate baselines were stored have none.
            return new Baseline(required(scoreEdges, "scoreEdges", path, start),
                    required(scoreShares, "scoreShares", path, start),
                    required(characteristics, "characteristics", path, start), Optional.ofNullable(candidates));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    private Baseline.Candidate candidate(String path) throws IOException {
        JsonLocation start = startObject(path);
        String name = null;
        VariableType type = null;
        List<Double> cuts = null;
        List<List<String>> categories = null;
        Long elseBin = null;
        List<List<Double>> specialValues = null;
        Long missingBin = null;
        List<String> labels = null;
        List<Double> shares = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "name" -> name = string(fp);
                case "type" -> type = choice(fp, TYPES);
                case "cuts" -> cuts = numbers(fp);
                case "categories" -> {
                    startArray(fp);
                    categories = new ArrayList<>();
                    while (nextElement(fp)) {
                        categories.add(strings(fp + "[" + categories.size() + "]"));
                    }
                }
                case "elseBin" -> elseBin = binIndex(fp);
                case "specialValues" -> {
                    startArray(fp);
                    specialValues = new ArrayList<>();
                    while (nextElement(fp)) {
                        specialValues.add(numbers(fp + "[" + specialValues.size() + "]"));
                    }
                }
                case "missingBin" -> missingBin = binIndex(fp);
                case "labels" -> labels = strings(fp);
                case "shares" -> shares = numbers(fp);
                default -> throw unknownField(f, path);
            }
        }
        required(name, "name", path, start);
        required(type, "type", path, start);
        boolean numeric = type == VariableType.NUMERIC;
        candidateMember(cuts, "cuts", numeric, path, start);
        candidateMember(specialValues, "specialValues", numeric, path, start);
        candidateMember(categories, "categories", !numeric, path, start);
        if (numeric && elseBin != null) {
            throw new ModelFormatException("field 'elseBin' is not allowed " + in(path) + ": only a categorical "
                    + "candidate has an else bin" + at(start));
        }
        try {
            return new Baseline.Candidate(name, type, numeric ? cuts : List.of(), numeric ? List.of() : categories,
                    elseBin == null ? -1 : elseBin.intValue(), numeric ? specialValues : List.of(),
                    missingBin == null ? -1 : missingBin.intValue(), required(labels, "labels", path, start),
                    required(shares, "shares", path, start));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(path, e, start);
        }
    }

    private static void candidateMember(Object value, String field, boolean wanted, String path, JsonLocation start) {
        String rule = "a numeric candidate has cuts and specialValues, a categorical one categories";
        if (wanted && value == null) {
            throw new ModelFormatException("missing field '" + field + "' " + in(path) + ": " + rule + at(start));
        }
        if (!wanted && value != null) {
            throw new ModelFormatException("field '" + field + "' is not allowed " + in(path) + ": " + rule + at(start));
        }
    }

    /** A bin number: an integer from 0 that fits an {@code int}. */
    private long binIndex(String path) throws IOException {
        long i = integer(path);
        if (i < 0 || i > Integer.MAX_VALUE) {
            throw new ModelFormatException(path + ": " + i + " is not a bin number (0 or more)" + at(tokenLocation()));
        }
        return i;
    }

    private Baseline.BinShares binShares(String path) throws IOException {
        JsonLocation start = startObject(path);
        String name = null;
        List<Double> shares = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "name" -> name = string(fp);
                case "shares" -> shares = numbers(fp);
                default -> throw unknownField(f, path);
            }
        }
        try {
            return new Baseline.BinShares(required(name, "name", path, start), required(shares, "shares", path, start));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    private List<SplitMetrics> metrics(String path) throws IOException {
        startArray(path);
        List<SplitMetrics> out = new ArrayList<>();
        while (nextElement(path)) {
            String ep = path + "[" + out.size() + "]";
            JsonLocation start = startObject(ep);
            String split = null;
            Long rows = null;
            Long events = null;
            Double auc = null;
            Double ks = null;
            Double gini = null;
            for (String f; (f = nextField(ep)) != null;) {
                String fp = child(ep, f);
                switch (f) {
                    case "split" -> split = string(fp);
                    case "rows" -> rows = integer(fp);
                    case "events" -> events = integer(fp);
                    case "auc" -> auc = number(fp);
                    case "ks" -> ks = number(fp);
                    case "gini" -> gini = number(fp);
                    default -> throw unknownField(f, ep);
                }
            }
            try {
                out.add(new SplitMetrics(required(split, "split", ep, start), required(rows, "rows", ep, start),
                        required(events, "events", ep, start), orNaN(auc), orNaN(ks), orNaN(gini)));
            } catch (IllegalArgumentException e) {
                throw invalid(ep, e, start);
            }
        }
        return out;
    }

    private Provenance provenance(String path) throws IOException {
        JsonLocation start = startObject(path);
        String dataFile = null;
        String dataSha256 = null;
        Long rowsRead = null;
        Long rowsRejected = null;
        Long trainRows = null;
        Long testRows = null;
        String split = null;
        Long seed = null;
        String config = null;
        for (String f; (f = nextField(path)) != null;) {
            String fp = child(path, f);
            switch (f) {
                case "dataFile" -> dataFile = string(fp);
                case "dataSha256" -> dataSha256 = string(fp);
                case "rowsRead" -> rowsRead = integer(fp);
                case "rowsRejected" -> rowsRejected = integer(fp);
                case "trainRows" -> trainRows = integer(fp);
                case "testRows" -> testRows = integer(fp);
                case "split" -> split = string(fp);
                case "seed" -> seed = integer(fp);
                case "config" -> config = string(fp);
                default -> throw unknownField(f, path);
            }
        }
        try {
            return new Provenance(required(dataFile, "dataFile", path, start),
                    required(dataSha256, "dataSha256", path, start),
                    required(rowsRead, "rowsRead", path, start),
                    required(rowsRejected, "rowsRejected", path, start),
                    required(trainRows, "trainRows", path, start),
                    required(testRows, "testRows", path, start),
                    required(split, "split", path, start),
                    required(seed, "seed", path, start),
                    required(config, "config", path, start));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e, start);
        }
    }

    private List<VerificationCase> verification(String path) throws IOException {
        startArray(path);
        List<VerificationCase> out = new ArrayList<>();
        while (nextElement(path)) {
            String ep = path + "[" + out.size() + "]";
            JsonLocation start = startObject(ep);
            Map<String, String> inputs = null;
            List<Double> points = null;
            Double score = null;
            Double probability = null;
            String grade = null;
            List<String> reasons = null;
            for (String f; (f = nextField(ep)) != null;) {
                String fp = child(ep, f);
                switch (f) {
                    case "inputs" -> {
                        startObject(fp);
                        inputs = new LinkedHashMap<>();
                        for (String input; (input = nextField(fp)) != null;) {
                            inputs.put(checkedText(input, fp), nullableString(child(fp, input)));
                        }
                    }
                    case "points" -> points = numbers(fp);
                    case "score" -> score = number(fp);
                    case "probability" -> probability = number(fp);
                    case "grade" -> grade = string(fp);
                    case "reasons" -> reasons = strings(fp);
                    default -> throw unknownField(f, ep);
                }
            }
            try {
                out.add(new VerificationCase(required(inputs, "inputs", ep, start), required(points, "points", ep, start),
                        required(score, "score", ep, start), required(probability, "probability", ep, start),
                        required(grade, "grade", ep, start), required(reasons, "reasons", ep, start)));
            } catch (IllegalArgumentException e) {
                throw invalid(ep, e, start);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- structure

    /** Moves to the next token; a parse error is reported at {@code path}. */
    private JsonToken next(String path) throws IOException {
        try {
            return p.nextToken();
        } catch (JsonProcessingException e) {
            throw jackson(e, path);
        }
    }

    /**
     * Moves past the next member name of the object at {@code path} to its value.
     *
     * @return the member's name, or null at the end of the object
     */
    private String nextField(String path) throws IOException {
        if (next(path) == JsonToken.END_OBJECT) {
            return null;
        }
        String name = p.currentName();
        nameLocation = tokenLocation();
        next(child(path, name));
        return name;
    }

    /** Moves to the next element of the array at {@code path}; false at its end. */
    private boolean nextElement(String path) throws IOException {
        return next(path) != JsonToken.END_ARRAY;
    }

    private JsonLocation startObject(String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw expected(path, "an object");
        }
        return tokenLocation();
    }

    private JsonLocation startArray(String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw expected(path, "an array");
        }
        return tokenLocation();
    }

    private JsonLocation tokenLocation() {
        return p.currentTokenLocation();
    }

    // ---------------------------------------------------------------- values

    private String string(String path) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw expected(path, "a string");
        }
        return checkedText(text(path), path);
    }

    private String nullableString(String path) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string(path);
    }

    /** A string with an unpaired surrogate (from a {@code \ud800} escape) is not text that can be written back. */
    private String checkedText(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ModelFormatException(path + ": the text holds an unpaired surrogate \\u"
                        + Integer.toHexString(c) + at(tokenLocation()));
            }
        }
        return s;
    }

    private boolean bool(String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw expected(path, "true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** An integer that fits a {@code long}, written as one: {@code 1.5}, {@code 1.0} and {@code 1e3} are refused. */
    private long integer(String path) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw expected(path, "an integer");
        }
        try {
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                throw new ModelFormatException(path + ": the integer " + p.getText() + " is out of range" + at(tokenLocation()));
            }
            return p.getLongValue();
        } catch (JsonProcessingException e) {
            throw jackson(e, path);
        }
    }

    /** A finite number. Parsed from its text so that {@code -0} stays −0.0 and the value is the double nearest the text. */
    private double number(String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw expected(path, "a number");
        }
        String text = text(path);
        if (text.length() > MAX_NUMBER_LENGTH) {
            // Jackson checks the length of integers as it reads them, of other numbers only on conversion.
            throw new ModelFormatException(path + ": the number has " + text.length() + " characters, more than "
                    + MAX_NUMBER_LENGTH + at(tokenLocation()));
        }
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            throw new ModelFormatException(path + ": expected a finite number, found " + text + at(tokenLocation()));
        }
        return d;
    }

    /** A finite number, or the string {@code "-inf"} or {@code "inf"}. */
    private double bound(String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            switch (text(path)) {
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                case "inf":
                    return Double.POSITIVE_INFINITY;
                default:
                    throw expected(path, "a number, \"-inf\" or \"inf\"");
            }
        }
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            throw expected(path, "a number, \"-inf\" or \"inf\"");
        }
        return number(path);
    }

    private List<String> strings(String path) throws IOException {
        startArray(path);
        List<String> out = new ArrayList<>();
        while (nextElement(path)) {
            out.add(string(path + "[" + out.size() + "]"));
        }
        return out;
    }

    private List<Double> numbers(String path) throws IOException {
        startArray(path);
        List<Double> out = new ArrayList<>();
        while (nextElement(path)) {
            out.add(number(path + "[" + out.size() + "]"));
        }
        return out;
    }

    private <E> E choice(String path, Map<String, E> options) throws IOException {
        String s = string(path);
        E e = options.get(s);
        if (e == null) {
            throw new ModelFormatException(path + ": " + quote(s) + " is not one of " + String.join(", ", options.keySet())
                    + at(tokenLocation()));
        }
        return e;
    }

    private String text(String path) throws IOException {
        try {
            return p.getText();
        } catch (JsonProcessingException e) {
            throw jackson(e, path);
        }
    }

    // ---------------------------------------------------------------- messages

    private ModelFormatException expected(String path, String what) throws IOException {
        return new ModelFormatException(path + ": expected " + what + ", found " + found(path) + at(tokenLocation()));
    }

    private String found(String path) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string " + quote(text(path));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> text(path);
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private ModelFormatException unknownField(String field, String path) {
        return new ModelFormatException("unknown field " + quoteName(field) + " " + in(path) + at(nameLocation));
    }

    private static <T> T required(T value, String field, String path, JsonLocation start) {
        if (value == null) {
            throw new ModelFormatException("missing field '" + field + "' " + in(path) + at(start));
        }
        return value;
    }

    private static ModelFormatException invalid(String path, RuntimeException e, JsonLocation start) {
        return new ModelFormatException((path.isEmpty() ? "" : path + ": ") + e.getMessage() + at(start), e);
    }

    private ModelFormatException jackson(JsonProcessingException e, String path) {
        String message = cleaned(e.getOriginalMessage());
        String duplicate = "Duplicate field ";
        String problem;
        if (e instanceof StreamConstraintsException) {
            problem = (path.isEmpty() ? "" : path + ": ") + "the file is beyond the reader's limits: " + message;
        } else if (message != null && message.startsWith(duplicate)) {
            // STRICT_DUPLICATE_DETECTION's message is "Duplicate field 'name'".
            problem = "duplicate field " + message.substring(duplicate.length()) + " " + in(path);
        } else {
            problem = (path.isEmpty() ? "" : path + ": ") + "malformed JSON: " + message;
        }
        // A limit exceeded (StreamConstraintsException) comes without a location: the parser's is close.
        return new ModelFormatException(problem + at(e.getLocation() != null ? e.getLocation() : p.currentLocation()), e);
    }

    /** Jackson's messages name a redacted source inside locations; the message has the location already. */
    private static String cleaned(String message) {
        return message == null ? "" : SOURCE.matcher(message).replaceAll("[");
    }

    private static String in(String path) {
        return path.isEmpty() ? "at the top level" : "in " + path;
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A value for a message: quoted, control characters escaped, cut at 60 characters. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(s.length(), 60);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(s.length() > limit ? "…\"" : "\"").toString();
    }

    private static String quoteName(String s) {
        String q = quote(s);
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static <E> Map<String, E> names(E[] values, Function<E, String> spelling) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E e : values) {
            out.put(spelling.apply(e), e);
        }
        return Collections.unmodifiableMap(out);
    }
}
