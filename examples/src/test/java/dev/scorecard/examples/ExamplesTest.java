package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the examples honest: the API example runs, and every shipped config bins its dataset. */
class ExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void apiExampleRuns() {
        String report = BinWithTheApi.run(Path.of("../datasets/germancredit/germancredit.csv"));
        assertThat(report).contains("age_in_years: IV ", "trend descending", "20 variables binned");
    }

    @Test
    void everyConfigBinsItsDataset() throws IOException {
        String[][] cases = {
            {"germancredit.yaml", "germancredit/germancredit.csv", "status_of_existing_checking_account"},
            {"credit-data.yaml", "credit-data/credit_data.csv", "Income"},
            {"bank-marketing.yaml", "bank-marketing/bank-full.csv.gz", "pdays"},
            {"online-shoppers.yaml", "online-shoppers/online_shoppers_intention.csv", "PageValues"},
        };
        for (String[] c : cases) {
            ScorecardConfig config = ConfigReader.read(Path.of("configs", c[0]));
            Path out = tmp.resolve(c[0]);
            BinWorkflow.Outcome o = BinWorkflow.run(new BinWorkflow.Request(Path.of("../datasets", c[1]), config,
                    Optional.empty(), out, Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
            assertThat(o.results()).as(c[0]).anyMatch(r -> r.variable().equals(c[2]) && r.iv() > 0.02);
            assertThat(Files.readString(out.resolve("iv.csv"))).as(c[0]).contains(c[2]);
        }
    }
}
