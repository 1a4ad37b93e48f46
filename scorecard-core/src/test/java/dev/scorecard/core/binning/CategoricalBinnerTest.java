package dev.scorecard.core.binning;

import dev.scorecard.core.model.BinKind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalBinnerTest {
    /** 200 rows: a (100, 10 % events), b (60, 50 %), c (36, 80 %), and two rare levels d, e. */
    private static CategoricalColumn column(List<Integer> codes, List<Byte> events) {
        String[] levels = {"a", "b", "c", "d", "e"};
        int[][] spec = {{100, 10}, {60, 30}, {36, 29}, {2, 2}, {2, 0}};
        for (int level = 0; level < spec.length; level++) {
            for (int i = 0; i < spec[level][0]; i++) {
                codes.add(level);
                events.add((byte) (i < spec[level][1] ? 1 : 0));
            }
        }
        return CategoricalColumn.of("purpose", codes.stream().mapToInt(Integer::intValue).toArray(), List.of(levels));
    }

    private static BinaryTarget target(List<Byte> events) {
        byte[] b = new byte[events.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = events.get(i);
        }
        return BinaryTarget.of("y", "1", b);
    }

    @Test
    void poolsRareLevelsAndOrdersByEventRate() {
        List<Integer> codes = new ArrayList<>();
        List<Byte> ev = new ArrayList<>();
        CategoricalColumn col = column(codes, ev);
        BinningOptions o = BinningOptions.defaults().withMinLevelShare(0.05).withMinBinShare(0.01);
        Binning b = new CategoricalBinner(o).fit(col, target(ev));
        // d and e (2 rows each, 1 % share) pool into OTHER with 2 events of 4 (50 %) and so merge
        // at or next to b; the rates of the bins ascend.
        assertThat(b.bins()).extracting(Bin::label).containsExactly("a", "b | d | e", "c");
        assertThat(b.trend()).isEqualTo(Monotonic.ASCENDING);
        assertThat(b.binOf("d")).isEqualTo(1);
        assertThat(b.binOf("zzz")).isEqualTo(-1);
        assertThat(b.binOf((String) null)).isEqualTo(-1);
        assertThat(b.bins().stream().mapToLong(Bin::count).sum()).isEqualTo(200);
    }

    @Test
    void userGroupsWithElse() {
        List<Integer> codes = new ArrayList<>();
        List<Byte> ev = new ArrayList<>();
        CategoricalColumn col = column(codes, ev);
        VariableBreaks.Categorical groups = new VariableBreaks.Categorical(
                List.of(List.of("a", "b"), List.of("c", VariableBreaks.ELSE)));
        Binning b = new CategoricalBinner(BinningOptions.defaults()).apply(col, target(ev), groups);
        assertThat(b.bins()).extracting(Bin::label).containsExactly("a | b", "c | else");
        assertThat(b.bins()).extracting(Bin::count).containsExactly(160L, 40L);
        assertThat(b.binOf("never-seen")).isEqualTo(1);
        assertThat(b.breaks()).isEqualTo(groups);
    }

    @Test
    void unlistedLevelsGetAnElseBin() {
        List<Integer> codes = new ArrayList<>();
        List<Byte> ev = new ArrayList<>();
        CategoricalColumn col = column(codes, ev);
        Binning b = new CategoricalBinner(BinningOptions.defaults())
                .apply(col, target(ev), new VariableBreaks.Categorical(List.of(List.of("a"), List.of("b", "c"))));
        assertThat(b.bins()).extracting(Bin::label).containsExactly("a", "b | c", "else");
        assertThat(b.bins().get(2).kind()).isEqualTo(BinKind.ELSE);
        assertThat(b.bins().get(2).count()).isEqualTo(4);
    }
}
