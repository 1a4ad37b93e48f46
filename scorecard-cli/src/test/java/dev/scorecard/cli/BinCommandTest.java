package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code scorecard bin}: only the command line and the files it writes. */
class BinCommandTest {
    static final String GERMAN = "../datasets/germancredit/germancredit.csv";

    @TempDir
    Path tmp;

    @Test
    void binsGermanCreditAndWritesTheThreeFiles() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--positive", "bad",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1000 rows, delimiter ','", "status_of_existing_checking_account", "0.6660");
        assertThat(Files.readAllLines(out.resolve("bins.csv")).get(0))
                .isEqualTo("variable,bin_index,bin,kind,count,share,events,non_events,event_rate,woe,iv,note");
        assertThat(Files.readString(out.resolve("bins.json"))).contains("\"duration_in_month\" : [ 8.5, 11.5, 15.5, 26.5, 34.5, 43.5 ]");
        List<String> iv = Files.readAllLines(out.resolve("iv.csv"));
        assertThat(iv.get(1)).startsWith("status_of_existing_checking_account,categorical,0.666011503351");
        // No temporary files are left behind.
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("bins.csv", "bins.json", "iv.csv");
        }
    }

    @Test
    void rerunGivesByteIdenticalFiles() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--out", a.toString(), "-q").exitCode()).isZero();
        assertThat(CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--out", b.toString(), "-q",
                "--threads", "1").exitCode()).isZero();
        for (String f : List.of("bins.json", "bins.csv", "iv.csv")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    /** Acceptance 3: bin, merge two bins in bins.json, bin --bins: the table shows exactly that merge. */
    @Test
    void editedBinsFileRoundTrips() throws IOException {
        Path first = tmp.resolve("first");
        assertThat(CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--out", first.toString(), "-q").exitCode()).isZero();
        Path binsJson = first.resolve("bins.json");
        String json = Files.readString(binsJson);

        // Unedited, the file reproduces the automatic bins exactly.
        Path same = tmp.resolve("same");
        assertThat(CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", binsJson.toString(),
                "--out", same.toString(), "-q").exitCode()).isZero();
        assertThat(Files.readString(same.resolve("bins.csv"))).isEqualTo(Files.readString(first.resolve("bins.csv")));
        assertThat(Files.readString(same.resolve("bins.json"))).isEqualTo(json);

        // Merge duration's [11.5, 15.5) and [15.5, 26.5) by deleting the cut at 15.5, and purpose's
        // first two groups by joining their lists.
        String edited = json.replace("[ 8.5, 11.5, 15.5, 26.5, 34.5, 43.5 ]", "[ 8.5, 11.5, 26.5, 34.5, 43.5 ]")
                .replace("[ [ \"retraining\", \"car (used)\" ], [ \"radio/television\" ],",
                        "[ [ \"retraining\", \"car (used)\", \"radio/television\" ],");
        assertThat(edited).isNotEqualTo(json);
        Path editedFile = tmp.resolve("edited.json");
        Files.writeString(editedFile, edited);
        Path second = tmp.resolve("second");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", editedFile.toString(),
                "--out", second.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Map<String, String[]> before = rows(first.resolve("bins.csv"), "duration_in_month");
        Map<String, String[]> after = rows(second.resolve("bins.csv"), "duration_in_month");
        assertThat(after.keySet()).containsExactly("(-inf, 8.5)", "[8.5, 11.5)", "[11.5, 26.5)", "[26.5, 34.5)",
                "[34.5, 43.5)", "[43.5, inf)");
        long merged = Long.parseLong(before.get("[11.5, 15.5)")[4]) + Long.parseLong(before.get("[15.5, 26.5)")[4]);
        assertThat(Long.parseLong(after.get("[11.5, 26.5)")[4])).isEqualTo(merged).isEqualTo(591);
        long mergedEvents = Long.parseLong(before.get("[11.5, 15.5)")[6]) + Long.parseLong(before.get("[15.5, 26.5)")[6]);
        assertThat(Long.parseLong(after.get("[11.5, 26.5)")[6])).isEqualTo(mergedEvents);
        // Untouched bins keep their numbers.
        assertThat(after.get("[43.5, inf)")).containsExactly(before.get("[43.5, inf)")[0], "5",
                before.get("[43.5, inf)")[2], before.get("[43.5, inf)")[3], before.get("[43.5, inf)")[4],
                before.get("[43.5, inf)")[5], before.get("[43.5, inf)")[6], before.get("[43.5, inf)")[7],
                before.get("[43.5, inf)")[8], before.get("[43.5, inf)")[9], before.get("[43.5, inf)")[10], "");

        Map<String, String[]> purpose = rows(second.resolve("bins.csv"), "purpose");
        assertThat(purpose).containsKey("retraining | car (used) | radio/television");
        assertThat(Long.parseLong(purpose.get("retraining | car (used) | radio/television")[4])).isEqualTo(112 + 280);
        // The edited file is what the second run writes back.
        assertThat(Files.readString(second.resolve("bins.json"))).isEqualTo(edited);
        assertThat(Files.readString(second.resolve("iv.csv"))).contains("duration_in_month,numeric,", ",bins file,binned,");
    }

    @Test
    void yamlBinsFileAsInTheSpec() throws IOException {
        Path yaml = tmp.resolve("bins.yaml");
        Files.writeString(yaml, "breaks:\n  age_in_years: [25, 35, 50]\n  housing: [[own], [else]]\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", yaml.toString(),
                "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rows(out.resolve("bins.csv"), "age_in_years").keySet())
                .containsExactly("(-inf, 25)", "[25, 35)", "[35, 50)", "[50, inf)");
        assertThat(rows(out.resolve("bins.csv"), "housing").keySet()).containsExactly("own", "else");
    }

    @Test
    void binsFileNamingAnUnknownVariableIsAnError() throws IOException {
        Path yaml = tmp.resolve("bins.yaml");
        Files.writeString(yaml, "breaks:\n  agee: [25, 35]\n");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", yaml.toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + yaml + ": variable 'agee' is not a feature of the data "
                + "(check --exclude, --id and the column names)\n");
    }

    @Test
    void configFileAndCommandLineOverride() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "target: creditability\npositive: bad\nexclude: [foreign_worker]\n"
                + "binning:\n  maxBins: 3\nvariables:\n  age_in_years:\n    monotonic: descending\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--config", cfg.toString(), "--max-bins", "4", "--out",
                out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String iv = Files.readString(out.resolve("iv.csv"));
        assertThat(iv).doesNotContain("foreign_worker");
        assertThat(iv).contains("age_in_years,numeric,");
        assertThat(iv.lines().filter(l -> l.startsWith("age_in_years,")).findFirst().orElseThrow()).contains(",descending,");
        // --max-bins 4 wins over the config's 3: duration gets 4 regular bins.
        assertThat(rows(out.resolve("bins.csv"), "duration_in_month")).hasSize(4);
    }

    @Test
    void unknownConfigKeyIsAnError() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "target: creditability\nbinning:\n  maxbins: 3\n");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--config", cfg.toString(), "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + cfg + ", line 3: key 'binning.maxbins': unknown key; known keys are method, ");
    }

    /** Issue 10: a misspelt column under variables or specialValues was silently ignored. */
    @Test
    void misspeltColumnsInTheConfigAreErrorsBeforeTheLoad() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "target: creditability\nvariables:\n  age_in_years: {maxBins: 3}\n  duraton_in_month: {maxBins: 3}\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--config", cfg.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + cfg + ", line 4: key 'variables.duraton_in_month': no column "
                + "'duraton_in_month' in " + GERMAN + "; did you mean 'duration_in_month'?\n");
        assertThat(out).doesNotExist();

        Files.writeString(cfg, "target: creditability\nspecialValues:\n  credit_amnt: [0]\n");
        run = CliRun.of("bin", "--data", GERMAN, "--config", cfg.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + cfg + ", line 3: key 'specialValues.credit_amnt': no column "
                + "'credit_amnt' in " + GERMAN + "; did you mean 'credit_amount'?\n");
    }

    /** Issue 10: a misspelt level made a silent empty bin, and the level meant went to else. */
    @Test
    void misspeltLevelsAndVariablesInTheBinsFileAreErrors() throws IOException {
        Path bins = tmp.resolve("bins.yaml");
        Files.writeString(bins, "breaks:\n  housing: [[own], [for fre], [else]]\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", bins.toString(),
                "--out", out.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + bins + ": variable 'housing': level 'for fre' is not in the data; "
                + "did you mean 'for free'?\n");
        assertThat(out.resolve("bins.json")).doesNotExist();

        Files.writeString(bins, "breaks:\n  houseing: [[own], [else]]\n");
        run = CliRun.of("bin", "--data", GERMAN, "--target", "creditability", "--bins", bins.toString(),
                "--out", out.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + bins + ": variable 'houseing' is not a feature of the data "
                + "(check --exclude, --id and the column names); did you mean 'housing'?\n");
    }

    @Test
    void helpShowsAnExample() {
        CliRun run = CliRun.of("bin", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: scorecard bin", "--data=FILE", "--bins=FILE", "Examples:");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.of("bin", "--target", "y", "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // One short usage line, the error last (issue 11); the whole help stays behind --help.
        assertThat(run.err()).isEqualTo("Usage: scorecard bin [OPTIONS]; 'scorecard bin --help' lists them.\n"
                + "error: missing required option: '--data=FILE'\n");
    }

    /** bins.csv rows of one variable, keyed by bin label, in file order. */
    static Map<String, String[]> rows(Path binsCsv, String variable) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(binsCsv, StandardCharsets.UTF_8)) {
            List<String> f = parse(line);
            if (f.get(0).equals(variable)) {
                out.put(f.get(2), f.toArray(new String[0]));
            }
        }
        return out;
    }

    /** Minimal CSV line split for test assertions: handles quoted fields without embedded quotes. */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.stream().collect(Collectors.toList());
    }
}
