package dev.scorecard.cli.option;

import dev.scorecard.train.load.CsvDialect;
import dev.scorecard.train.pipeline.InputDialect;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Files that need help, for every command that reads a data file: {@code --no-header}, {@code --names},
 * {@code --trim}. Part of {@link InputOptions} and {@link RowOptions}, so no command can miss them.
 */
public final class DialectOptions {
    /** The first line is data. */
    @Option(names = "--no-header", description = "The file has no header row: its first line is data; --names names the columns.")
    public boolean noHeader;

    /** The column names of a file without a header. */
    // COLS with the syntax hidden: COL[,COL...] would widen every command's option column by one.
    @Option(names = "--names", split = ",", paramLabel = "COLS", hideParamSyntax = true,
            description = "Column names of a file without a header (--no-header), comma-separated, in file order.")
    public List<String> names;

    /** Trim unquoted fields; null when not given. */
    @Option(names = "--trim", description = "Remove spaces and tabs around unquoted fields and header names"
            + " (files with ', ' between fields, such as UCI adult.data).")
    public Boolean trim;

    /**
     * @param config the config's dialect
     * @return it with what the command line says laid over it (the command line wins)
     * @throws IllegalArgumentException when the result is not a valid dialect (no header and no names)
     */
    public CsvDialect over(CsvDialect config) {
        return new CsvDialect(config.header() && !noHeader, names != null ? names : config.names(),
                trim != null ? trim : config.trim());
    }

    /** @return what the command line says, the rest to come from the model */
    public InputDialect forModel() {
        if (!noHeader && names != null) {
            new CsvDialect(true, names, false); // throws the message that explains --names needs --no-header
        }
        return new InputDialect(!noHeader, names != null ? names : List.of(), trim != null && trim);
    }
}
