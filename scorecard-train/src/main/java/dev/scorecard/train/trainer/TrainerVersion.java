package dev.scorecard.train.trainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool and version a trainer writes into {@code createdWith}: this build's own, from a resource
 * Maven fills in, so a model says the same whether it was trained from the jar, from classes in an
 * IDE or through the command line.
 */
final class TrainerVersion {
    private static final String CREATED_WITH = "scorecard " + read();

    private TrainerVersion() {
    }

    /** @return {@code scorecard <version>} */
    static String createdWith() {
        return CREATED_WITH;
    }

    private static String read() {
        try (InputStream in = TrainerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the scorecard-train build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
