package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.load.CsvDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config keys {@code header}, {@code names} and {@code trim}, and how a model's provenance keeps them. */
class ConfigDialectTest {
    @TempDir
    Path tmp;

    private Path yaml(String text) throws IOException {
        return Files.writeString(tmp.resolve("c.yaml"), text);
    }

    @Test
    void readsHeaderNamesAndTrim() throws IOException {
        ScorecardConfig c = ConfigReader.read(yaml("""
                target: income
                header: false
                names: [age, workclass, income]
                trim: true
                """));
        assertThat(c.dialect()).isEqualTo(new CsvDialect(false, List.of("age", "workclass", "income"), true));
        assertThat(ConfigReader.read(yaml("target: y\n")).dialect()).isEqualTo(CsvDialect.DEFAULT);
    }

    @Test
    void errorsNameTheKeyAndLine() throws IOException {
        Path noNames = yaml("target: y\nheader: false\n");
        assertThatThrownBy(() -> ConfigReader.read(noNames))
                .isInstanceOf(InputDataException.class)
                .hasMessage(noNames + ", line 2: key 'header': a file without a header (--no-header, header: false) needs"
                        + " the column names: pass --names a,b,c or set names: [a, b, c] in the config");
        Path dups = yaml("target: y\nheader: false\nnames: [a, y, a]\n");
        assertThatThrownBy(() -> ConfigReader.read(dups))
                .isInstanceOf(InputDataException.class)
                .hasMessage(dups + ", line 3: key 'names': names: duplicate column names 'a' (names 1 and 3)");
        Path notBool = yaml("target: y\ntrim: yes please\n");
        assertThatThrownBy(() -> ConfigReader.read(notBool))
                .isInstanceOf(InputDataException.class)
                .hasMessage(notBool + ", line 2: key 'trim': must be true or false, got 'yes please'");
    }

    @Test
    void theCanonicalJsonKeepsTheDialectOnlyWhenNotTheDefault() throws IOException {
        ScorecardConfig plain = ConfigReader.read(yaml("target: y\n"));
        // Models trained without these keys keep their bytes: the defaults are not written.
        assertThat(ConfigJson.canonical(plain)).doesNotContain("\"header\"", "\"trim\"").endsWith("\"unseen\":\"else-bin-neutral\"}");
        assertThat(ConfigJson.dialect(ConfigJson.canonical(plain))).isEqualTo(CsvDialect.DEFAULT);

        CsvDialect adult = new CsvDialect(false, List.of("age", "y"), true);
        String json = ConfigJson.canonical(plain.withDialect(adult));
        assertThat(json).endsWith(",\"header\":false,\"names\":[\"age\",\"y\"],\"trim\":true}");
        assertThat(ConfigJson.dialect(json)).isEqualTo(adult);

        String yaml = ConfigYaml.of(json, List.of("", "NA", "N/A", "null", "NULL", "NaN", "nan"));
        assertThat(yaml).endsWith("header: false\nnames: [age, \"y\"]\ntrim: true\n"); // y would read as a boolean
        assertThat(ConfigReader.read(Files.writeString(tmp.resolve("again.yaml"), yaml)).dialect()).isEqualTo(adult);
    }
}
