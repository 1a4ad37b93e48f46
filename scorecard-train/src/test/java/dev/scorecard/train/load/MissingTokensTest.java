package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissingTokensTest {
    private final MissingTokens tokens = new MissingTokens(CsvLoadOptions.DEFAULT_MISSING_VALUES);

    private int match(String cell) {
        char[] buf = ("##" + cell + "##").toCharArray();
        return tokens.match(buf, 2, cell.length());
    }

    @Test
    void matchesExactlyAndCaseSensitively() {
        assertThat(match("")).isEqualTo(0);
        assertThat(match("NA")).isEqualTo(1);
        assertThat(match("N/A")).isEqualTo(2);
        assertThat(match("null")).isEqualTo(3);
        assertThat(match("NULL")).isEqualTo(4);
        assertThat(match("NaN")).isEqualTo(5);
        assertThat(match("nan")).isEqualTo(6);
        assertThat(match("na")).isEqualTo(-1);
        assertThat(match("Null")).isEqualTo(-1);
        assertThat(match(" NA")).isEqualTo(-1);
        assertThat(match("NAN")).isEqualTo(-1);
        assertThat(match("12345.678")).isEqualTo(-1);
        assertThat(tokens.match("NaN")).isEqualTo(5);
        assertThat(tokens.match("x")).isEqualTo(-1);
    }

    @Test
    void worksWithoutTokensAndWithoutTheEmptyToken() {
        MissingTokens none = new MissingTokens(List.of());
        assertThat(none.match(new char[0], 0, 0)).isEqualTo(-1);
        MissingTokens custom = new MissingTokens(List.of("?", "Select"));
        assertThat(custom.match(new char[0], 0, 0)).isEqualTo(-1);
        assertThat(custom.match("Select".toCharArray(), 0, 6)).isEqualTo(1);
        assertThat(custom.token(0)).isEqualTo("?");
        assertThat(custom.size()).isEqualTo(2);
    }
}
