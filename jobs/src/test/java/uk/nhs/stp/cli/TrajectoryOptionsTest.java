package uk.nhs.stp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trajectory options of {@code stp marts}: defaults, every option, and usage errors. */
class TrajectoryOptionsTest {

    @TempDir
    Path tmp;

    private static TrajectoryOptions parse(String... trajectoryArgs) {
        MartsCommand command = new MartsCommand();
        List<String> args = new ArrayList<>(List.of("--warehouse", "/tmp/unused"));
        args.addAll(List.of(trajectoryArgs));
        new CommandLine(command).parseArgs(args.toArray(new String[0]));
        return command.build.trajectory;
    }

    /** Runs {@code stp marts} with the options; returns what it wrote to err, having checked the exit is 2. */
    private String usageError(String... trajectoryArgs) {
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("marts", "--warehouse", tmp.toString()));
        args.addAll(List.of(trajectoryArgs));
        assertEquals(ExitCodes.USAGE, cl.execute(args.toArray(new String[0])), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        return err.toString().lines().findFirst().orElse("");
    }

    @Test
    void withoutOptionsTheParametersAreTheDefaults() {
        TrajectoryOptions o = parse();
        assertEquals(FinanceTrajectoryParameters.DEFAULTS, o.financeParameters());
        assertEquals(TargetTrajectoryParameters.DEFAULTS, o.standardParameters());
    }

    @Test
    void everyOptionReachesTheParameters() {
        TrajectoryOptions o = parse("--finance-window-years", "4", "--finance-min-points", "4",
                "--finance-target-year", "2023/24", "--standard-window-months", "36", "--standard-min-points", "18",
                "--standard-target-month", "2024-03");
        FinanceTrajectoryParameters f = FinanceTrajectoryParameters.DEFAULTS;
        assertEquals(new FinanceTrajectoryParameters(4, 4, 2023, f.predictionLevel(), f.horizonYears()),
                o.financeParameters());
        TargetTrajectoryParameters t = TargetTrajectoryParameters.DEFAULTS;
        assertEquals(new TargetTrajectoryParameters(36, 18, LocalDate.of(2024, 3, 1), t.predictionLevel(),
                t.horizonMonths()), o.standardParameters());
        assertEquals(1999, parse("--finance-target-year", "1999/00").financeParameters().targetFyStartYear());
    }

    @Test
    void aBadTargetYearIsAUsageErrorSayingWhatIsAllowed() {
        for (String year : List.of("2020/22", "20/21")) {
            assertEquals("--finance-target-year: '" + year + "' is not a financial year YYYY/YY of two consecutive "
                    + "years, e.g. 2020/21", usageError("--finance-target-year", year));
        }
        assertTrue(usageError("--standard-target-month", "March").contains("is not a month YYYY-MM"));
    }

    @Test
    void aWindowTheParametersRejectIsAUsageErrorWithTheirMessage() {
        assertEquals("windowYears (0) must be at least minPoints (3)", usageError("--finance-window-years", "0"));
        assertEquals("windowMonths (0) must be at least minPoints (12)", usageError("--standard-window-months", "0"));
        assertTrue(usageError("--finance-min-points", "2").contains("minPoints must be at least 3"));
    }
}
