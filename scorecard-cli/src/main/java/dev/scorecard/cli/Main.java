package dev.scorecard.cli;

import dev.scorecard.train.eval.GateFailedException;
import dev.scorecard.train.monitor.DriftAlertException;

import dev.scorecard.core.ScorecardException;
import java.io.PrintWriter;
import picocli.CommandLine;

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
        cl.setExitCodeExceptionMapper(Main::exitCode);
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
            if (ex instanceof GateFailedException || ex instanceof DriftAlertException) {
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
