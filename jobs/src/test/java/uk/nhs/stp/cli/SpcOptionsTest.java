package uk.nhs.stp.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.spc.TieRule;
import uk.nhs.stp.spc.TwoInThreeRule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPC options of {@code stp marts}: defaults, every option, and usage errors. */
class SpcOptionsTest {

    private static SpcParameters parse(String... spcArgs) {
        MartsCommand command = new MartsCommand();
        List<String> args = new java.util.ArrayList<>(List.of("--warehouse", "/tmp/unused"));
        args.addAll(List.of(spcArgs));
        new CommandLine(command).parseArgs(args.toArray(new String[0]));
        return command.build.spc.parameters();
    }

    @Test
    void withoutOptionsTheRulesAreNhsrPlotTheDots() {
        assertEquals(SpcParameters.DEFAULTS, parse());
    }

    @Test
    void everyOptionReachesTheParameters() {
        SpcParameters p = parse("--spc-shift", "6", "--spc-trend", "6", "--spc-no-outlier-screening",
                "--spc-two-in-three", "beyond-two-sigma", "--spc-ties", "ignored", "--spc-baseline", "12",
                "--spc-rebase", "2021-04,2020-03");
        assertEquals(new SpcParameters(6, 6, false, TwoInThreeRule.BEYOND_TWO_SIGMA, TieRule.IGNORED, 12,
                List.of(LocalDate.of(2020, 3, 1), LocalDate.of(2021, 4, 1)), 12), p);
    }

    @Test
    void anUnknownRuleIsAUsageErrorNamingTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cl.execute("marts", "--warehouse", "/tmp/unused", "--spc-two-in-three", "2023"),
                err.toString());
        assertTrue(err.toString().contains("use off, two-to-three-sigma or beyond-two-sigma"), err.toString());
        assertEquals(ExitCodes.USAGE, cl.execute("marts", "--warehouse", "/tmp/unused", "--spc-rebase", "March"));
    }
}
