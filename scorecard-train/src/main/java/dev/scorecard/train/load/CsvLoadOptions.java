package dev.scorecard.train.load;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link CsvLoader} reads a file. Start from {@link #defaults(String)} and change what differs
 * with the {@code withX} methods. Column names are matched exactly (case-sensitive) against the
 * header; names that are not in the header are reported when the file is loaded.
 *
 * @param delimiter the field delimiter; empty to detect it among {@code , ; TAB |}
 * @param encoding the encoding of a file without a byte order mark (one with a UTF-8 or UTF-16 mark is
 *     read in the mark's encoding); bytes that are not text in it reject their row
 * @param missingValues cell texts that mean "no value", matched exactly (case-sensitive) against the
 *     raw cell text, in this order; duplicates are dropped
 * @param types forced column types, by column name; every other feature column is inferred
 * @param target the name of the binary target column
 * @param positive the target value that marks the event; empty to infer it (SPEC §2)
 * @param exclude columns that are skipped entirely
 * @param id identifier columns: loaded as categorical into {@code Dataset.ids()}, never features
 * @param dialect whether the file has a header (else the column names), and whether fields are trimmed
 */
public record CsvLoadOptions(
        Optional<Character> delimiter,
        Charset encoding,
        List<String> missingValues,
        Map<String, ColumnType> types,
        String target,
        Optional<String> positive,
        Set<String> exclude,
        Set<String> id,
        CsvDialect dialect) {

    /**
     * The default missing tokens: empty, {@code NA}, {@code N/A}, {@code null}, {@code NULL}, {@code NaN},
     * {@code nan}.
     */
    public static final List<String> DEFAULT_MISSING_VALUES = List.of("", "NA", "N/A", "null", "NULL", "NaN", "nan");

    /** Validates the options and copies every collection. */
    public CsvLoadOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        delimiter.ifPresent(d -> {
            if (d == '"' || d == '\r' || d == '\n') {
                throw new IllegalArgumentException("delimiter " + describe(d)
                        + " is not allowed: it must not be a quote or a line break");
            }
        });
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(missingValues, "missingValues");
        for (String m : missingValues) {
            Objects.requireNonNull(m, "missingValues must not contain null");
        }
        missingValues = List.copyOf(new LinkedHashSet<>(missingValues));
        Objects.requireNonNull(types, "types");
        Map<String, ColumnType> typesCopy = new LinkedHashMap<>();
        types.forEach((k, v) -> typesCopy.put(Objects.requireNonNull(k, "types: column name"),
                Objects.requireNonNull(v, () -> "types: type of column '" + k + "'")));
        types = Collections.unmodifiableMap(typesCopy);
        Objects.requireNonNull(target, "target");
        if (target.isEmpty()) {
            throw new IllegalArgumentException("target column name must not be empty");
        }
        Objects.requireNonNull(positive, "positive");
        if (positive.isPresent() && missingValues.contains(positive.get())) {
            throw new IllegalArgumentException("positive value '" + positive.get()
                    + "' is also a missing token, so it could never mark an event");
        }
        exclude = copyNames(exclude, "exclude");
        id = copyNames(id, "id");
        Objects.requireNonNull(dialect, "dialect");
        if (exclude.contains(target)) {
            throw new IllegalArgumentException("target '" + target + "' cannot also be excluded");
        }
        if (id.contains(target)) {
            throw new IllegalArgumentException("target '" + target + "' cannot also be an id column");
        }
        if (types.containsKey(target)) {
            throw new IllegalArgumentException("target '" + target + "' cannot have a forced type");
        }
        for (String name : id) {
            if (exclude.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' cannot be both excluded and an id column");
            }
            if (types.get(name) == ColumnType.NUMERIC) {
                throw new IllegalArgumentException("id column '" + name
                        + "' cannot be forced numeric: identifiers are loaded as categorical");
            }
        }
    }

    /**
     * @param target the name of the binary target column
     * @return options with the delimiter detected, UTF-8, the default missing tokens, inferred types,
     *     the event inferred, nothing excluded, no id columns and a header row, untrimmed
     */
    public static CsvLoadOptions defaults(String target) {
        return new CsvLoadOptions(Optional.empty(), StandardCharsets.UTF_8, DEFAULT_MISSING_VALUES, Map.of(), target,
                Optional.empty(), Set.of(), Set.of(), CsvDialect.DEFAULT);
    }

    /** @return a copy with this delimiter, or with detection when empty */
    public CsvLoadOptions withDelimiter(Optional<Character> newDelimiter) {
        return new CsvLoadOptions(newDelimiter, encoding, missingValues, types, target, positive, exclude, id, dialect);
    }

    /** @return a copy with this delimiter */
    public CsvLoadOptions withDelimiter(char newDelimiter) {
        return withDelimiter(Optional.of(newDelimiter));
    }

    /** @return a copy with this encoding for files without a byte order mark */
    public CsvLoadOptions withEncoding(Charset newEncoding) {
        return new CsvLoadOptions(delimiter, newEncoding, missingValues, types, target, positive, exclude, id, dialect);
    }

    /** @return a copy with these missing tokens (they replace the current ones) */
    public CsvLoadOptions withMissingValues(List<String> newMissingValues) {
        return new CsvLoadOptions(delimiter, encoding, newMissingValues, types, target, positive, exclude, id, dialect);
    }

    /** @return a copy with these forced types (they replace the current ones) */
    public CsvLoadOptions withTypes(Map<String, ColumnType> newTypes) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, newTypes, target, positive, exclude, id, dialect);
    }

    /** @return a copy with {@code column} forced to {@code type}, the other forced types kept */
    public CsvLoadOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> t = new LinkedHashMap<>(types);
        t.put(column, type);
        return withTypes(t);
    }

    /** @return a copy with this target column */
    public CsvLoadOptions withTarget(String newTarget) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, types, newTarget, positive, exclude, id, dialect);
    }

    /** @return a copy with this event value, or with the event inferred when empty */
    public CsvLoadOptions withPositive(Optional<String> newPositive) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, types, target, newPositive, exclude, id, dialect);
    }

    /** @return a copy with this event value */
    public CsvLoadOptions withPositive(String newPositive) {
        return withPositive(Optional.of(newPositive));
    }

    /** @return a copy with these excluded columns (they replace the current ones) */
    public CsvLoadOptions withExclude(Set<String> newExclude) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, types, target, positive, newExclude, id, dialect);
    }

    /** @return a copy with these id columns (they replace the current ones) */
    public CsvLoadOptions withId(Set<String> newId) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, types, target, positive, exclude, newId, dialect);
    }

    /** @return a copy with this dialect: header or column names, trimming */
    public CsvLoadOptions withDialect(CsvDialect newDialect) {
        return new CsvLoadOptions(delimiter, encoding, missingValues, types, target, positive, exclude, id, newDialect);
    }

    private static Set<String> copyNames(Set<String> names, String what) {
        Objects.requireNonNull(names, what);
        Set<String> copy = new LinkedHashSet<>();
        for (String n : names) {
            copy.add(Objects.requireNonNull(n, () -> what + " must not contain null"));
        }
        return Collections.unmodifiableSet(copy);
    }

    static String describe(char c) {
        return switch (c) {
            case '\t' -> "TAB";
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> "'" + c + "'";
        };
    }
}
