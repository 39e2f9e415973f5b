package uk.nhs.stp.testing;

import picocli.CommandLine;
import uk.nhs.stp.cli.StpCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs an {@code stp} command in the test JVM, as the command line would, keeping what it printed. */
public final class Stp {
    /** Exit code, standard output and standard error of one command. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    private Stp() { }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
