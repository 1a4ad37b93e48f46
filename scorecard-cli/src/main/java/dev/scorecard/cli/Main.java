package dev.scorecard.cli;

import dev.scorecard.cli.command.ExitCodes;
import dev.scorecard.core.ScorecardException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.train.eval.GateFailedException;
import dev.scorecard.train.monitor.DriftAlertException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Entry point of the {@code scorecard} command. */
public final class Main {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a bug or an environment failure. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for bad usage or bad input data. */
    public static final int BAD_INPUT = 2;
    /** Exit code: monitoring found drift at the alert level. */
    public static final int DRIFT_ALERT = 3;
    /** Exit code: a go-live gate failed. */
    public static final int GATE_FAILED = 4;

    private Main() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command with the given writers, so tests can capture what a user would see.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // The outputs were not committed: each open output set deleted its temporary files as the
            // error unwound, and the previous outputs stand.
            err.println(outOfMemory());
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err); // where the heap ran out, for a report on memory use
            }
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    /** @return what to tell a user whose run ran out of heap: how big it was and how to give more */
    static String outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String more = "-Xmx" + Math.max(2, 2 * ((mb + 1023) / 1024)) + "g"; // twice the heap, in whole GB
        return "error: out of memory: the Java heap (" + mb + " MB) is too small for this run; nothing was written."
                + " Give it more with SCORECARD_JAVA_OPTS=" + more + " (bin/scorecard) or java " + more + " -jar scorecard.jar;"
                + " the README's section on memory says what a run needs per row and column";
    }

    private static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** @return the configured command line */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ScorecardCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Help as wide as the terminal (80 columns when there is none, e.g. in a pipe).
        cl.setUsageHelpAutoWidth(true);
        // picocli's own commands end their help with the same exit codes as ours.
        for (String name : List.of("help", "generate-completion")) {
            cl.getSubcommands().get(name).getCommandSpec().usageMessage().footer("", ExitCodes.HEADING, ExitCodes.OK,
                    ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT);
        }
        cl.setExecutionStrategy(Main::execute);
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            if (outOfMemory(ex)) {
                e.println(outOfMemory());
                if (verbose) {
                    ex.printStackTrace(e); // where the heap ran out, for a report on memory use
                }
                e.flush();
                return INTERNAL_ERROR;
            }
            if (ex instanceof GateFailedException) {
                // A verdict, not an error in the run; on a terminal the failed gates stand out in red.
                e.println(failedGates(ex.getMessage(), CommandLine.Help.Ansi.AUTO.enabled()));
            } else if (ex instanceof DriftAlertException) {
                e.println(ex.getMessage()); // a verdict, not an error in the run
            } else if (ex instanceof ScorecardException || ex instanceof IllegalArgumentException) {
                e.println("error: " + ex.getMessage());
            } else {
                e.println("internal error: " + ex + " (please report it; rerun with --verbose for details)");
            }
            if (verbose) {
                ex.printStackTrace(e);
            }
            e.flush();
            return exitCode(ex);
        });
        return cl;
    }

    /**
     * Runs the command parsed, after refusing what it did not match: picocli lets a help command
     * ({@code help}, {@code generate-completion}) ignore unknown options, so {@code generate-completion
     * --bogus} printed the script and exited 0.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * A usage error as a user can act on it: one short usage line, then the error last, with "did you
     * mean" for a misspelt option or command; the whole help stays behind {@code --help}.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        List<String> problems = new ArrayList<>();
        boolean valueOfUnknown = false;
        for (String arg : cmd.getUnmatchedArguments()) {
            String word = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (word.startsWith("-")) {
                problems.add("unknown option '" + word + "'" + NearestName.didYouMean(word, optionNames(cmd)));
                valueOfUnknown = !arg.contains("=");
            } else if (valueOfUnknown) {
                valueOfUnknown = false; // the value of the unknown option just named
            } else if (!cmd.getSubcommands().isEmpty()) {
                // What follows an unknown command is that command's arguments: the command is the error.
                problems.add("unknown command '" + word + "'" + NearestName.didYouMean(word, cmd.getSubcommands().keySet()));
                break;
            } else {
                problems.add("unexpected argument '" + arg + "'");
            }
        }
        if (ex.getArgSpec() == null && ex.getValue() != null && ex.getMessage().startsWith("Unknown subcommand '")
                && !cmd.getSubcommands().isEmpty()) {
            // 'scorecard help tarin' says what 'scorecard tarin' says.
            problems.add("unknown command '" + ex.getValue() + "'" + NearestName.didYouMean(ex.getValue(),
                    cmd.getSubcommands().keySet()));
        } else if ((ex instanceof CommandLine.MutuallyExclusiveArgsException
                || ex instanceof CommandLine.MaxValuesExceededException) && together(cmd, args).isPresent()) {
            problems.add(together(cmd, args).get()); // picocli's text spells out the whole group
        } else if (problems.isEmpty()) {
            // Only when nothing was unknown: a misspelt --dta also makes --data missing, a knock-on error.
            // picocli starts some messages with its own "Error: " (exclusive options); ours is added below.
            String message = ex.getMessage().startsWith("Error: ") ? ex.getMessage().substring(7) : ex.getMessage();
            problems.add(lowerFirst(message));
        }
        err.println("Usage: " + name + (cmd.getSubcommands().isEmpty() ? " [OPTIONS]" : " COMMAND [OPTIONS]")
                + "; '" + name + " --help' lists them.");
        for (String p : problems) {
            err.println("error: " + p);
        }
        err.flush();
        return BAD_INPUT;
    }

    /**
     * @return e.g. {@code --split and --test cannot be used together: give one of --test FILE, --split
     *     SHARE [--seed N], or --time-column COL with --oot-from DATE}, for the first two options given
     *     that are alternatives of an exclusive group; empty when there are none
     */
    static java.util.Optional<String> together(CommandLine cmd, String[] args) {
        List<String> typed = new ArrayList<>();
        for (String arg : args) {
            typed.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        }
        List<ArgGroupSpec> groups = new ArrayList<>(cmd.getCommandSpec().argGroups());
        for (int g = 0; g < groups.size(); g++) {
            ArgGroupSpec group = groups.get(g);
            groups.addAll(group.subgroups());
            if (!group.exclusive()) {
                continue;
            }
            List<Object> alternatives = new ArrayList<>(group.args());
            alternatives.addAll(group.subgroups());
            String first = null;
            int firstAlternative = -1;
            for (String word : typed) {
                int a = alternativeOf(alternatives, word);
                if (a < 0) {
                    continue;
                }
                if (first == null) {
                    first = word;
                    firstAlternative = a;
                } else if (a != firstAlternative) {
                    List<String> each = alternatives.stream().map(Main::describe).toList();
                    String choices = each.size() == 2 ? each.get(0) + " or " + each.get(1)
                            : String.join(", ", each.subList(0, each.size() - 1)) + ", or " + each.get(each.size() - 1);
                    return java.util.Optional.of(first + " and " + word + " cannot be used together: give one of " + choices);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static int alternativeOf(List<Object> alternatives, String word) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (names(alternatives.get(i)).contains(word)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the option names of an option, or of every option in a group and its subgroups */
    private static List<String> names(Object alternative) {
        if (alternative instanceof OptionSpec o) {
            return List.of(o.names());
        }
        List<String> names = new ArrayList<>();
        if (alternative instanceof ArgGroupSpec g) {
            g.args().forEach(a -> names.addAll(names(a)));
            g.subgroups().forEach(sub -> names.addAll(names(sub)));
        }
        return names;
    }

    /**
     * @return {@code --test FILE} for an option; for a group of options that go together, its first
     *     option, then each other one with {@code with} when required, in brackets when not
     */
    private static String describe(Object alternative) {
        if (alternative instanceof OptionSpec o) {
            return o.longestName() + (o.arity().max() == 0 ? "" : " " + o.paramLabel());
        }
        StringBuilder sb = new StringBuilder();
        if (alternative instanceof ArgGroupSpec g) {
            for (ArgSpec a : g.args()) {
                if (!(a instanceof OptionSpec o)) {
                    continue;
                }
                String one = describe(o);
                sb.append(sb.length() == 0 ? one : o.required() ? " with " + one : " [" + one + "]");
            }
        }
        return sb.toString();
    }

    /** @return the failed-gates message, its headline and each FAIL in bold red when {@code colour} */
    static String failedGates(String message, boolean colour) {
        if (!colour) {
            return message;
        }
        String red = "\u001B[1;31m";
        String reset = "\u001B[0m";
        StringBuilder out = new StringBuilder();
        List<String> lines = message.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0) {
                line = red + line + reset;
            } else if (line.endsWith("FAIL")) {
                line = line.substring(0, line.length() - 4) + red + "FAIL" + reset;
            }
            out.append(i == 0 ? "" : System.lineSeparator()).append(line);
        }
        return out.toString();
    }

    private static List<String> optionNames(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
            names.add(o.longestName());
        }
        return names;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof ExitCodeException x) {
            return x.exitCode();
        }
        if (ex instanceof GateFailedException) {
            return GATE_FAILED;
        }
        if (ex instanceof DriftAlertException) {
            return DRIFT_ALERT;
        }
        if (ex instanceof ScorecardException || ex instanceof IllegalArgumentException
                || ex instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return INTERNAL_ERROR;
    }
}
