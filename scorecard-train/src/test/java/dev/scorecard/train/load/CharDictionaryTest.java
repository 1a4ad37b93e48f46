package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharDictionaryTest {

    @Test
    void codesInOrderOfFirstAppearance() {
        CharDictionary d = new CharDictionary();
        char[] buf = "xxbyyazzb".toCharArray();
        assertThat(d.code(buf, 2, 1)).isEqualTo(0); // b
        assertThat(d.code(buf, 5, 1)).isEqualTo(1); // a
        assertThat(d.code(buf, 8, 1)).isEqualTo(0); // b again
        assertThat(d.code("")).isEqualTo(2);
        assertThat(d.code("a")).isEqualTo(1);
        assertThat(d.levels()).containsExactly("b", "a", "");
    }

    @Test
    void keepsManyLevelsAndCollidingHashesApart() {
        CharDictionary d = new CharDictionary();
        // "Aa" and "BB" have the same String hash code
        assertThat(d.code("Aa")).isEqualTo(0);
        assertThat(d.code("BB")).isEqualTo(1);
        List<String> expected = new ArrayList<>(List.of("Aa", "BB"));
        for (int i = 0; i < 100_000; i++) {
            String s = "level-" + i;
            assertThat(d.code(s)).isEqualTo(i + 2);
            expected.add(s);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(d.code("level-" + i)).isEqualTo(i + 2);
        }
        assertThat(d.code("BB")).isEqualTo(1);
        assertThat(d.size()).isEqualTo(100_002);
        assertThat(d.levels()).isEqualTo(expected);
    }

    @Test
    void keepsTheLineEachLabelFirstAppearedOnWhenAsked() {
        CharDictionary d = new CharDictionary(true);
        char[] buf = "abc".toCharArray();
        for (int i = 0; i < 40; i++) {
            d.code(buf, i % 3, 1, 100 + i); // a, b, c, a, ...: lines 100, 101, 102 first
            d.code(("x" + i).toCharArray(), 0, ("x" + i).length(), 200 + i); // past the first growth
        }
        assertThat(d.firstLine(d.code("a"))).isEqualTo(100);
        assertThat(d.firstLine(d.code("c"))).isEqualTo(102);
        assertThat(d.firstLine(d.code("x39"))).isEqualTo(239);
    }
}
