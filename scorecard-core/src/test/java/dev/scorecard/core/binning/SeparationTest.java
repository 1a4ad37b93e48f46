package dev.scorecard.core.binning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, task 2: a variable that separates the classes perfectly is found whether its bins stay
 * pure or the bin constraints merge them away (leaving IV 0, which reads as "not predictive").
 */
class SeparationTest {
    /** 20 rows, events in rows 10 to 19. */
    private static final BinaryTarget Y = target(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

    private static BinaryTarget target(int... events) {
        byte[] b = new byte[events.length];
        for (int i = 0; i < events.length; i++) {
            b[i] = (byte) events[i];
        }
        return BinaryTarget.of("y", "1", b);
    }

    private static NumericColumn numeric(double... values) {
        return NumericColumn.of("x", values);
    }

    private static Binning numericFit(BinningOptions o, double... values) {
        return new NumericBinner(o).fit(numeric(values), Y, List.of());
    }

    /** 1..20: every non-event below 10.5, every event above. */
    private static double[] separating() {
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void aSeparatingNumericMergedIntoOneBinByTheDefaultsIsPureNotIvZero() {
        // Defaults: each bin needs an event and a non-event, so the two pure halves cannot stand apart.
        Binning b = numericFit(BinningOptions.defaults(), separating());
        assertThat(b.bins()).hasSize(1);
        assertThat(b.iv()).isZero();
        assertThat(b.separation()).isEqualTo(Separation.VALUES);
        assertThat(b.separation().note()).isEqualTo("pure: check for leakage (the values split events from non-events "
                + "completely; the bin constraints merged the pure bins)");
    }

    @Test
    void pureBinsKeptApartArePureToo() {
        Binning b = numericFit(BinningOptions.defaults().withMinBinShare(0).withMinBinEvents(0).withMinBinNonEvents(0),
                separating());
        assertThat(b.cuts()).containsExactly(10.5);
        assertThat(b.separation()).isEqualTo(Separation.BINS);
        assertThat(b.separation().note()).isEqualTo("pure: check for leakage (every bin holds only events or only "
                + "non-events)");
    }

    @Test
    void descendingSeparationCountsToo() {
        double[] x = separating();
        for (int i = 0; i < x.length; i++) {
            x[i] = -x[i];
        }
        assertThat(numericFit(BinningOptions.defaults(), x).separation()).isEqualTo(Separation.VALUES);
    }

    @Test
    void oneOverlappingValueIsNotSeparation() {
        double[] x = separating();
        x[9] = 11; // a non-event shares the value 11 with the first event
        assertThat(numericFit(BinningOptions.defaults(), x).separation()).isEqualTo(Separation.NONE);
    }

    @Test
    void pureDistinctValuesInterleavedAreNotSeparation() {
        // Every distinct value holds one class, as nearly every continuous value would, but no single
        // cut point splits the classes: that says nothing about the target.
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i < 10 ? 2 * i : 2 * (i - 10) + 1;
        }
        assertThat(numericFit(BinningOptions.defaults(), x).separation()).isEqualTo(Separation.NONE);
    }

    @Test
    void missingnessThatIsTheTargetIsSeparation() {
        // A converted_at column: empty exactly when the lead did not convert.
        double[] x = separating();
        for (int i = 0; i < 10; i++) {
            x[i] = Double.NaN;
        }
        assertThat(numericFit(BinningOptions.defaults(), x).separation()).isEqualTo(Separation.BINS);
        x[0] = 15.5; // one non-event now has a value amid the events' values (11 to 20)
        assertThat(numericFit(BinningOptions.defaults(), x).separation()).isEqualTo(Separation.NONE);
    }

    @Test
    void aMixedSpecialValueIsNotSeparation() {
        double[] x = separating();
        x[0] = -1;
        x[19] = -1;
        Binning b = new NumericBinner(BinningOptions.defaults()).fit(numeric(x), Y, List.of(List.of(-1.0)));
        assertThat(b.separation()).isEqualTo(Separation.NONE);
    }

    @Test
    void aCategoricalCopyOfTheTargetIsPure() {
        int[] codes = new int[20];
        for (int i = 10; i < 20; i++) {
            codes[i] = 1;
        }
        CategoricalColumn leak = CategoricalColumn.of("leak", codes, List.of("no", "yes"));
        Binning b = new CategoricalBinner(BinningOptions.defaults()).fit(leak, Y);
        assertThat(b.bins()).hasSize(1);
        assertThat(b.iv()).isZero();
        assertThat(b.separation()).isEqualTo(Separation.VALUES);

        codes[0] = 1; // one non-event says yes
        CategoricalColumn almost = CategoricalColumn.of("leak", codes, List.of("no", "yes"));
        assertThat(new CategoricalBinner(BinningOptions.defaults()).fit(almost, Y).separation())
                .isEqualTo(Separation.NONE);
    }

    @Test
    void userBinsThatArePureArePure() {
        int[] codes = new int[20];
        for (int i = 0; i < 20; i++) {
            codes[i] = i < 10 ? i % 2 : 2 + i % 3; // levels a, b non-events only; c, d, e events only
        }
        CategoricalColumn col = CategoricalColumn.of("grade", codes, List.of("a", "b", "c", "d", "e"));
        VariableBreaks.Categorical groups = new VariableBreaks.Categorical(List.of(List.of("a", "b"),
                List.of("c", "d", "e")));
        assertThat(new CategoricalBinner(BinningOptions.defaults()).apply(col, Y, groups).separation())
                .isEqualTo(Separation.BINS);
    }
}
