package dev.scorecard.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model a command reads: {@code --model} and {@code --ignore-checksum}. */
public final class ModelOptions {
    /** The model file. */
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file (model.json).")
    public Path model;

    /** Load a model whose checksum does not match. */
    @Option(names = "--ignore-checksum", description = "Load a model whose checksum does not match (it is still verified).")
    public boolean ignoreChecksum;
}
