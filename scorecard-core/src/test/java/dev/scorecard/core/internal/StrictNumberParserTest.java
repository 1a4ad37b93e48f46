package dev.scorecard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumberParserTest {
    /** Fixed, so a failure reproduces; printed by {@link #matchesParseDoubleOnRandomDecimals()}. */
    private static final long SEED = 20_240_611L;

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            0                               | 0.0
            -0                              | -0.0
            +0.0                            | 0.0
            -0.000                          | -0.0
            12                              | 12.0
            -12                             | -12.0
            +12                             | 12.0
            .5                              | 0.5
            -.5                             | -0.5
            5.                              | 5.0
            5.e2                            | 500.0
            007                             | 7.0
            0.1                             | 0.1
            5819.5303                       | 5819.5303
            1e3                             | 1000.0
            1E-3                            | 0.001
            +2.5e+2                         | 250.0
            2.5E-2                          | 0.025
            1e22                            | 1.0E22
            1e23                            | 1.0E23
            9007199254740992                | 9.007199254740992E15
            9007199254740993                | 9.007199254740992E15
            123456789012345678901234567890  | 1.2345678901234568E29
            0.000000000000000000000123      | 1.23E-22
            1.7976931348623157e308          | 1.7976931348623157E308
            4.9e-324                        | 4.9E-324
            1e-400                          | 0.0
            -1e-400                         | -0.0
            0e99999999999                   | 0.0
            """)
    void accepts(String text, double expected) {
        double v = StrictNumberParser.parse(text);
        assertThat(Double.doubleToRawLongBits(v)).as("bits of %s", text).isEqualTo(Double.doubleToRawLongBits(expected));
        assertThat(StrictNumberParser.isNumber(text)).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "+", "-", ".", "-.", "+.e1", "e5", "1e", "1e+", "1e-", "1.2.3", "12d", "12f", "12D", "12L",
        "0x1p3", "0x10", "1,5", " 12", "12 ", " 12 ", "\t1", "1\n", "1 000", "1_000", "Infinity", "-Infinity", "infinity",
        "NaN", "nan", "1e400", "-1e400", "1.8e308", "--1", "+-1", "1e5.5", "1e1e1", "١٢", "１２", "12%", "$12", "1/2"})
    void rejects(String text) {
        assertThat(Double.isNaN(StrictNumberParser.parse(text))).as("'%s' is rejected", text).isTrue();
        assertThat(StrictNumberParser.isNumber(text)).isFalse();
    }

    @Test
    void parsesSliceOfBuffer() {
        char[] buf = "xx-12.5e1yy".toCharArray();
        assertThat(StrictNumberParser.parse(buf, 2, 7)).isEqualTo(-125.0);
        assertThat(StrictNumberParser.parse(buf, 2, 0)).isNaN();
        assertThat(StrictNumberParser.parse(buf, 2, 8)).isNaN(); // "-12.5e1y"
    }

    /**
     * Random decimal strings in every shape the grammar allows, fast path and slow path alike:
     * the result must be bit for bit {@link Double#parseDouble}'s (which is correctly rounded), or
     * rejected exactly when that overflows.
     */
    @Test
    void matchesParseDoubleOnRandomDecimals() {
        System.out.println("StrictNumberParserTest seed " + SEED);
        Random random = new Random(SEED);
        int fast = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = randomDecimal(random);
            double expected = Double.parseDouble(s);
            double actual = StrictNumberParser.parse(s);
            if (Double.isInfinite(expected)) {
                assertThat(actual).as("seed %d, case %d: '%s' overflows", SEED, i, s).isNaN();
            } else {
                assertThat(Double.doubleToRawLongBits(actual)).as("seed %d, case %d: '%s' gave %s, expected %s", SEED, i, s,
                        actual, expected).isEqualTo(Double.doubleToRawLongBits(expected));
            }
            if (s.length() < 12) {
                fast++;
            }
        }
        assertThat(fast).as("short inputs (mostly the fast path) were generated").isGreaterThan(10_000);
    }

    private static String randomDecimal(Random r) {
        StringBuilder sb = new StringBuilder();
        int sign = r.nextInt(4);
        if (sign == 0) {
            sb.append('-');
        } else if (sign == 1) {
            sb.append('+');
        }
        int intDigits = r.nextInt(4) == 0 ? r.nextInt(25) : r.nextInt(8);
        int fracDigits = r.nextInt(3) == 0 ? 0 : (r.nextInt(4) == 0 ? r.nextInt(25) : r.nextInt(8));
        if (intDigits + fracDigits == 0) {
            intDigits = 1;
        }
        for (int k = 0; k < intDigits; k++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (fracDigits > 0 || r.nextInt(10) == 0) {
            sb.append('.');
            for (int k = 0; k < fracDigits; k++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(3) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E');
            int e = r.nextInt(5) == 0 ? r.nextInt(700) - 350 : r.nextInt(50) - 25;
            if (e >= 0 && r.nextBoolean()) {
                sb.append('+');
            }
            sb.append(e);
        }
        return sb.toString();
    }
}
