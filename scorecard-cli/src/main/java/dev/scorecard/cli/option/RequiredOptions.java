package dev.scorecard.cli.option;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The required options of a command that also has subcommands: picocli would ask for them before the
 * subcommand too, so the command checks them itself, naming every one missing at once as picocli does.
 */
public final class RequiredOptions {
    private final CommandSpec spec;
    private final List<String> missing = new ArrayList<>();

    private RequiredOptions(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * @param spec the command
     * @return an empty check
     */
    public static RequiredOptions of(CommandSpec spec) {
        return new RequiredOptions(spec);
    }

    /**
     * @param name the option's name, e.g. {@code --leads}
     * @param value its value: missing when null or an empty collection
     * @return this
     */
    public RequiredOptions need(String name, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            OptionSpec o = spec.findOption(name);
            missing.add("'" + name + (o == null || o.paramLabel().isEmpty() ? "" : "=" + o.paramLabel()) + "'");
        }
        return this;
    }

    /** @throws ParameterException naming the options missing, when any is */
    public void check() {
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "missing required option" + (missing.size() > 1 ? "s" : "")
                    + ": " + String.join(", ", missing));
        }
    }
}
