package dev.scorecard.train.config;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks the column names a config gives under {@code variables:} and {@code specialValues:} against
 * the data's header. They can only be checked once the header is known, not when the config is read,
 * and a misspelt one would otherwise be ignored: its options or special values silently not applied.
 * ({@code types}, {@code exclude} and {@code id} are checked by the loader, which needs them anyway.)
 */
public final class ConfigColumns {
    private ConfigColumns() {
    }

    /**
     * @param config the config read from {@code configFile}
     * @param header the data file's column names
     * @param dataFile the data file's name, for the message
     * @param configFile the config file, named in the message with the key's line
     * @throws InputDataException for the first name that is not a column, with the nearest column when one is close
     */
    public static void check(ScorecardConfig config, List<String> header, String dataFile, Path configFile) {
        check("variables", config.variables().keySet(), header, dataFile, configFile);
        check("specialValues", config.specialValues().keySet(), header, dataFile, configFile);
    }

    private static void check(String section, Set<String> names, List<String> header, String dataFile, Path configFile) {
        for (String name : names) {
            if (!header.contains(name)) {
                String key = section + "." + name;
                throw new InputDataException(configFile.toString(), lineOf(configFile, key), null, "key '" + key
                        + "': no column '" + name + "' in " + dataFile + NearestName.didYouMean(name, header));
            }
        }
    }

    /** Reads the file again for the line: only on the way to an error, so the config needs no locations. */
    private static long lineOf(Path configFile, String key) {
        try {
            return ConfigLines.of(Files.readAllBytes(configFile)).of(key);
        } catch (IOException e) {
            return 0; // the file changed or went since it was read; the key still says where
        }
    }
}
