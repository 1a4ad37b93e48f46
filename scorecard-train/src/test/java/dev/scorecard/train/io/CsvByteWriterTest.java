package dev.scorecard.train.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.internal.ProbabilityFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvByteWriterTest {
    @Test
    void numbersReadExactlyAsTheStringFormatters() throws IOException {
        long seed = 23;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] fixed = {0, -0.0, 1, -1, 491, -37, 1e15 - 1, 1e15, -1e15, 0.5, 12.25, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Long.MAX_VALUE, 1e300, 4.9e-324};
        for (int i = 0; i < 20_000 + fixed.length; i++) {
            double v = i < fixed.length ? fixed[i] : switch (i % 4) {
                case 0 -> Math.rint(rnd.nextDouble(-5000, 5000));
                case 1 -> rnd.nextDouble(-5000, 5000);
                case 2 -> rnd.nextDouble(); // a probability
                default -> Math.rint(rnd.nextDouble(-100, 100)) / 10; // a score10
            };
            String as = "seed " + seed + ", value " + v;
            assertThat(write(w -> w.number(v))).as(as).isEqualTo(DoubleFormat.format(v));
            assertThat(write(w -> w.probability(v))).as(as).isEqualTo(ProbabilityFormat.format(v));
            assertThat(write(w -> w.oneDecimal(v))).as(as).isEqualTo(ProbabilityFormat.oneDecimal(v));
        }
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeededAndEncodedAsUtf8() throws IOException {
        assertThat(write(w -> {
            w.field("plain");
            w.comma();
            w.field("a,b");
            w.comma();
            w.field("say \"hi\"");
            w.comma();
            w.field("two\nlines");
            w.comma();
            w.field("Pune – ümlaut");
            w.comma();
            w.raw(CsvByteWriter.encodeField("x: [1, 2)"));
            w.endRow();
        })).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",Pune – ümlaut,\"x: [1, 2)\"\n");
    }

    @Test
    void rowsLongerThanTheBufferSurviveWhole() throws IOException {
        String big = "x".repeat(200_000);
        String text = write(w -> {
            w.field("a");
            w.comma();
            w.field(big);
            w.comma();
            w.raw(CsvByteWriter.encodeField(big + ","));
            w.endRow();
        });
        assertThat(text).isEqualTo("a," + big + ",\"" + big + ",\"\n");
    }

    private interface Body {
        void accept(CsvByteWriter w) throws IOException;
    }

    private static String write(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvByteWriter w = new CsvByteWriter(out);
        body.accept(w);
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
