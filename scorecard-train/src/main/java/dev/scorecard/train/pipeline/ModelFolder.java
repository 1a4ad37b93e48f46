package dev.scorecard.train.pipeline;

import dev.scorecard.train.io.OutputSet;
import java.nio.file.Path;

/** Reading a model from a folder a killed {@code train} may have been committing into. */
final class ModelFolder {
    private ModelFolder() {
    }

    /**
     * Completes a commit that a killed run left half-done in the model's folder, so that the model
     * read belongs to one run with the rest of its folder.
     *
     * @return {@code model}
     */
    static Path tidied(Path model) {
        OutputSet.tidy(model.toAbsolutePath().getParent());
        return model;
    }
}
