package dev.scorecard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command as a user would, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * @return standard output with each line that a command wrapped at 100 columns joined back into
     *     one: a continuation line is indented by four spaces or more, which no line of monitor's
     *     summary is (not for output with indented tables, such as inspect's)
     */
    String outJoined() {
        return out.replaceAll("\\R {4,}(?=\\S)", " ");
    }
}
