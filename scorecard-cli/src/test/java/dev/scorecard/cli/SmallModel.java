package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A small model for tests of bad input, trained through the command line in a second: income
 * (numeric, every 25th value NA, so it has a Missing bin), age (numeric, never missing, so no Missing
 * bin) and city (four levels, never missing, no Else bin), on 600 rows from a fixed seed.
 */
final class SmallModel {
    private static final String[] CITIES = {"Paris", "Lyon", "Nice", "Lille"};

    private SmallModel() {
    }

    /** @return the model file, trained into {@code dir} */
    static Path train(Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("id,income,age,city,y\n");
        for (int i = 0; i < 600; i++) {
            int income = (10 + rnd.nextInt(191)) * 100;
            int age = 18 + rnd.nextInt(63);
            double p = 0.1 + (income < 6000 ? 0.5 : 0) + (i % 4 >= 2 ? 0.2 : 0) + (age < 30 ? 0.1 : 0);
            int y = rnd.nextDouble() < p ? 1 : 0;
            csv.append('T').append(i).append(',').append(i % 25 == 0 ? "NA" : String.valueOf(income)).append(',')
                    .append(age).append(',').append(CITIES[i % 4]).append(',').append(y).append('\n');
        }
        Path data = dir.resolve("train.csv");
        Files.writeString(data, csv);
        Path out = dir.resolve("model");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--id", "id", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve("model.json");
    }
}
