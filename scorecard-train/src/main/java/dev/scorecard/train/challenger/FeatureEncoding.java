package dev.scorecard.train.challenger;

import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Turns a dataset's feature columns into a Smile data frame, learning everything it needs from the
 * training rows only and applying the same mapping to any other rows.
 *
 * <ul>
 *   <li>Numeric: the raw value. Smile 2.6.0's trees do not handle NaN: training sorts each column
 *       with comparisons that NaN defeats, so the split statistics would be computed on a wrongly
 *       ordered column, and prediction sends NaN right at every split ({@code NaN <= t} is false). So a
 *       column with a missing value in the training rows gets the training median in its place plus a
 *       0/1 indicator column (1 = was missing); one without gets the median alone, no indicator, also
 *       for missing values that only other rows have. A column with no value in training becomes the
 *       constant 0. Infinite values become ±{@value #INFINITY_STANDIN}, so that the midpoint Smile
 *       takes between two neighbouring values stays finite.
 *   <li>Categorical: a nominal attribute ({@link NominalScale}) whose levels are the ones the
 *       training rows hold, in the column's level order, then a level for missing, then a level for
 *       every value the training rows do not hold. Missing is a level like any other, so a tree
 *       can split on it when training has it. The unseen level never occurs in training, so no split
 *       tests it: at every split on the column ({@code level == v}) an unseen value takes the
 *       "not v" branch, the branch of all the other levels. Levels are matched by text, so test rows
 *       loaded from another file with another level order are mapped correctly.
 * </ul>
 *
 * Smile columns are named {@code x0, x1, …} (and {@code x3_missing} for an indicator) after the
 * feature's position, and the target {@code y}, so that no feature name can clash with them or with
 * Smile's formula syntax. Not thread-safe during construction; immutable after.
 */
final class FeatureEncoding {
    /** The name of the target column in every frame. */
    static final String TARGET = "y";
    /** What infinite values are replaced with (in absolute value); the midpoint of two such stays finite. */
    static final double INFINITY_STANDIN = Double.MAX_VALUE / 4;

    private final List<Encoder> encoders;

    private FeatureEncoding(List<Encoder> encoders) {
        this.encoders = List.copyOf(encoders);
    }

    /**
     * Learns the mapping of every feature of {@code train}.
     *
     * @param train the training rows
     * @return the mapping
     */
    static FeatureEncoding fit(Dataset train) {
        List<Encoder> encoders = new ArrayList<>();
        int position = 0;
        for (Column c : train.features()) {
            String smileName = "x" + position++;
            if (c instanceof NumericColumn n) {
                encoders.add(NumericEncoder.fit(n, smileName));
            } else {
                encoders.add(NominalEncoder.fit((CategoricalColumn) c, smileName));
            }
        }
        return new FeatureEncoding(encoders);
    }

    /** @return the dataset feature names, in order */
    List<String> features() {
        return encoders.stream().map(Encoder::name).toList();
    }

    /**
     * @param data rows with every feature this encoding was fitted on (by name, of the same kind)
     * @return the encoded features and the target as a 0/1 integer column named {@link #TARGET}
     * @throws IllegalArgumentException when a feature is absent or of the other kind
     */
    DataFrame frame(Dataset data) {
        List<BaseVector<?, ?, ?>> vectors = new ArrayList<>();
        for (Encoder e : encoders) {
            Column c = data.feature(e.name()).orElseThrow(() -> new IllegalArgumentException(
                    "the test rows have no feature column '" + e.name() + "', which the training rows have"));
            e.encode(c, vectors);
        }
        int[] y = new int[data.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.target().event(i);
        }
        vectors.add(IntVector.of(TARGET, y));
        return frameOf(vectors);
    }

    // DataFrame.of takes a raw BaseVector[]; a generic array cannot be created, so the raw type stays here.
    @SuppressWarnings("rawtypes")
    private static DataFrame frameOf(List<BaseVector<?, ?, ?>> vectors) {
        return DataFrame.of(vectors.toArray(new BaseVector[0]));
    }

    /** One feature's mapping to one or more Smile columns. */
    private sealed interface Encoder permits NumericEncoder, NominalEncoder {
        /** @return the dataset column name */
        String name();

        /** Adds this feature's Smile columns for {@code column}'s rows. */
        void encode(Column column, List<BaseVector<?, ?, ?>> out);
    }

    /** A numeric feature: value, missing replaced by the training median, and an indicator when training had missing. */
    private record NumericEncoder(String name, String smileName, double median, boolean indicator) implements Encoder {
        static NumericEncoder fit(NumericColumn c, String smileName) {
            double[] present = new double[c.size()];
            int k = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    present[k++] = finite(c.value(i));
                }
            }
            return new NumericEncoder(c.name(), smileName, median(Arrays.copyOf(present, k)), k < c.size());
        }

        private static double median(double[] values) {
            if (values.length == 0) {
                return 0;
            }
            Arrays.sort(values);
            int mid = values.length / 2;
            // Halves first: the sum of two values near INFINITY_STANDIN would still be finite, but this costs nothing.
            return values.length % 2 == 1 ? values[mid] : values[mid - 1] / 2 + values[mid] / 2;
        }

        private static double finite(double v) {
            return Double.isInfinite(v) ? Math.copySign(INFINITY_STANDIN, v) : v;
        }

        @Override
        public void encode(Column column, List<BaseVector<?, ?, ?>> out) {
            if (!(column instanceof NumericColumn c)) {
                throw new IllegalArgumentException("feature '" + name + "' is numeric in the training rows but categorical"
                        + " in the test rows");
            }
            double[] values = new double[c.size()];
            int[] missing = indicator ? new int[c.size()] : null;
            for (int i = 0; i < values.length; i++) {
                if (c.isMissing(i)) {
                    values[i] = median;
                    if (missing != null) {
                        missing[i] = 1;
                    }
                } else {
                    values[i] = finite(c.value(i));
                }
            }
            out.add(DoubleVector.of(smileName, values));
            if (missing != null) {
                out.add(IntVector.of(smileName + "_missing", missing));
            }
        }
    }

    /** A categorical feature: training levels by text, then a missing level, then an unseen level. */
    private record NominalEncoder(String name, StructField field, Map<String, Integer> codes, int missingCode,
            int unseenCode) implements Encoder {
        static NominalEncoder fit(CategoricalColumn c, String smileName) {
            boolean[] held = new boolean[c.levels().size()];
            for (int i = 0; i < c.size(); i++) {
                int code = c.code(i);
                if (code != CategoricalColumn.MISSING) {
                    held[code] = true;
                }
            }
            Map<String, Integer> codes = new HashMap<>();
            List<String> scale = new ArrayList<>();
            for (int l = 0; l < held.length; l++) {
                if (held[l]) {
                    codes.put(c.levels().get(l), scale.size());
                    scale.add(c.levels().get(l));
                }
            }
            // The two extra levels only need names distinct from the real ones; Smile never shows them to us.
            Set<String> taken = new HashSet<>(scale);
            int missingCode = scale.size();
            scale.add(distinct("(missing)", taken));
            int unseenCode = scale.size();
            scale.add(distinct("(unseen)", taken));
            StructField field = new StructField(smileName, DataTypes.IntegerType, new NominalScale(scale));
            return new NominalEncoder(c.name(), field, Map.copyOf(codes), missingCode, unseenCode);
        }

        private static String distinct(String wanted, Set<String> taken) {
            String name = wanted;
            while (!taken.add(name)) {
                name = "_" + name;
            }
            return name;
        }

        @Override
        public void encode(Column column, List<BaseVector<?, ?, ?>> out) {
            if (!(column instanceof CategoricalColumn c)) {
                throw new IllegalArgumentException("feature '" + name + "' is categorical in the training rows but numeric"
                        + " in the test rows");
            }
            // Look each of the column's levels up once, not each row.
            int[] byCode = new int[c.levels().size()];
            for (int l = 0; l < byCode.length; l++) {
                byCode[l] = codes.getOrDefault(c.levels().get(l), unseenCode);
            }
            int[] values = new int[c.size()];
            for (int i = 0; i < values.length; i++) {
                int code = c.code(i);
                values[i] = code == CategoricalColumn.MISSING ? missingCode : byCode[code];
            }
            out.add(IntVector.of(field, values));
        }
    }
}
