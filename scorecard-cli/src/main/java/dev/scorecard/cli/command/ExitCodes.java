package dev.scorecard.cli.command;

/**
 * The "Exit codes:" block that ends every command's help, worded the same way everywhere, one code a
 * line in increasing order. The codes are {@code Main}'s: 0 ok, 1 internal error, 2 bad usage or
 * input (a refused model included), 3 a drift alert, 4 a failed go-live gate. Each line fits 78
 * columns, so picocli never wraps it at 80.
 */
public final class ExitCodes {
    /** The block's first line. */
    public static final String HEADING = "Exit codes:";
    /** Code 0. */
    public static final String OK = "  0 ok";
    /** Code 1. */
    public static final String INTERNAL_ERROR = "  1 internal error (a bug, or the environment failed)";
    /** Code 2, for a command that reads no model. */
    public static final String BAD_INPUT = "  2 bad usage or input";
    /** Code 2, for a command that reads a model. */
    public static final String BAD_INPUT_OR_MODEL = BAD_INPUT + ", or a refused model (formatVersion, checksum)";
    /** Code 3, for {@code monitor}. */
    public static final String DRIFT_ALERT = "  3 drift at or above --alert (the outputs are written); a warning is 0";
    /** Code 4, for the commands with go-live gates. */
    public static final String GATE_FAILED = "  4 a go-live gate failed (the outputs are written, the failed gates printed)";

    private ExitCodes() {
    }
}
