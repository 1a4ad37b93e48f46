package dev.scorecard.crm.spec;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The {@code grades.csv} of a rules or blend run: {@code grade, from, leads, share}, best grade first. */
public final class GradesCsv {
    private GradesCsv() {
    }

    /**
     * @param out where the file goes
     * @param bands the grades
     * @param counts leads per grade, in the bands' order
     * @param total the leads scored (the share's denominator; no share when 0)
     * @throws IOException when the stream cannot be written
     */
    public static void write(OutputStream out, ScoreBands bands, long[] counts, long total) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(List.of("grade", "from", "leads", "share"));
        for (int g = 0; g < counts.length; g++) {
            w.field(bands.grades().get(g).name());
            w.comma();
            w.field(Hundredths.format(bands.grades().get(g).fromCents()));
            w.comma();
            w.number(counts[g]);
            w.comma();
            if (total > 0) {
                w.probability((double) counts[g] / total);
            }
            w.endRow();
        }
        w.flush();
    }
}
