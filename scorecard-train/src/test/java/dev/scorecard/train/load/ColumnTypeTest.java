package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void readsTheConfigSpelling() {
        assertThat(ColumnType.fromConfig("numeric")).isEqualTo(ColumnType.NUMERIC);
        assertThat(ColumnType.fromConfig("categorical")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ColumnType.fromConfig(" Categorical ")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ColumnType.NUMERIC.configName()).isEqualTo("numeric");
    }

    @Test
    void listsTheAllowedValues() {
        assertThatThrownBy(() -> ColumnType.fromConfig("text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column type: 'text' is not one of numeric, categorical");
        assertThatThrownBy(() -> ColumnType.fromConfig(null))
                .hasMessage("column type: 'null' is not one of numeric, categorical");
    }
}
