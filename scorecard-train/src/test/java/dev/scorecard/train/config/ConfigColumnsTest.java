package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigColumnsTest {
    private static final List<String> HEADER = List.of("lead_id", "age", "pdays", "purpose", "y");

    @TempDir
    Path tmp;

    private Path yaml(String text) throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void namesThatAreColumnsPass() throws IOException {
        Path f = yaml("variables:\n  age: {maxBins: 4}\nspecialValues:\n  pdays: [-1]\n");
        assertThatCode(() -> ConfigColumns.check(ConfigReader.read(f), HEADER, "leads.csv", f)).doesNotThrowAnyException();
    }

    /** Both were silently ignored: the options and the special values simply never applied. */
    @Test
    void aMisspeltColumnIsAnErrorAtItsLineWithTheNearestColumn() throws IOException {
        Path f = yaml("target: y\nvariables:\n  age: {maxBins: 4}\n  purpse: {minLevelShare: 0.02}\n");
        assertThatThrownBy(() -> ConfigColumns.check(ConfigReader.read(f), HEADER, "leads.csv", f))
                .isInstanceOf(InputDataException.class)
                .hasMessage(f + ", line 4: key 'variables.purpse': no column 'purpse' in leads.csv; did you mean 'purpose'?");
        Path g = yaml("target: y\nspecialValues:\n  Pdays: [-1]\n");
        assertThatThrownBy(() -> ConfigColumns.check(ConfigReader.read(g), HEADER, "leads.csv", g))
                .hasMessage(g + ", line 3: key 'specialValues.Pdays': no column 'Pdays' in leads.csv; did you mean 'pdays'?");
        Path h = yaml("specialValues: {income: [-1]}\n");
        assertThatThrownBy(() -> ConfigColumns.check(ConfigReader.read(h), HEADER, "leads.csv", h))
                .hasMessage(h + ", line 1: key 'specialValues.income': no column 'income' in leads.csv");
    }
}
