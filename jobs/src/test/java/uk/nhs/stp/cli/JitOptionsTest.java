package uk.nhs.stp.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options the build gives every JVM of the project ({@code stp-jvm-options.txt}, from the
 * root pom's {@code stp.jit.options}): a JVM started with them must start, and must read the compiler
 * directives as meant — Janino's methods excluded from C2 and only from C2, everything else as
 * HotSpot's default. An unknown key or a missing file stops the JVM (the first check), but a
 * directive for the wrong compiler or a pattern that matches nothing starts quietly, so the
 * directives are checked as the JVM itself prints them ({@code -XX:+CompilerDirectivesPrint}).
 */
class JitOptionsTest {
    private static final Path OPTIONS_FILE = Path.of("target", "classes", "stp-jvm-options.txt");

    @Test
    void aJvmWithTheProjectsOptionsExcludesJaninoFromC2Only() throws Exception {
        String options = Files.readString(OPTIONS_FILE).strip();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(options.split("\\s+")));
        cmd.add("-XX:+CompilerDirectivesPrint");
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -version did not finish");
        assertEquals(0, p.exitValue(), "a JVM with the project's options did not start:\n" + output);

        Map<String, String[]> directives = directives(output);
        String[] janino = directives.get("org/codehaus/commons/compiler/*.*, org/codehaus/janino/*.*");
        assertTrue(janino != null, "no directive for Janino's packages in:\n" + output);
        assertTrue(janino[0].contains(" Exclude:false "), "C1 must still compile Janino: " + janino[0]);
        assertTrue(janino[1].contains(" Exclude:true "), "C2 must not compile Janino: " + janino[1]);
        String[] others = directives.get("*.*");
        assertTrue(others != null, "no default directive in:\n" + output);
        assertTrue(others[0].contains(" Exclude:false ") && others[1].contains(" Exclude:false "),
                "every other method must be left to both compilers: " + Arrays.toString(others));
        assertEquals(2, directives.size(), "one directive of the project's and HotSpot's default: " + directives.keySet());
    }

    @Test
    void theTestJvmRunsWithTheSameDirectives() throws IOException {
        String expected = Arrays.stream(Files.readString(OPTIONS_FILE).strip().split("\\s+"))
                .filter(o -> o.startsWith("-XX:CompilerDirectivesFile=")).findFirst()
                .orElseThrow(() -> new AssertionError("stp-jvm-options.txt names no compiler directives file"));
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains(expected),
                "surefire's argLine must give the test JVM " + expected);
        assertTrue(Files.isRegularFile(Path.of(expected.substring(expected.indexOf('=') + 1))), expected);
    }

    /**
     * {@code -XX:+CompilerDirectivesPrint}'s output as matching pattern → {C1's line, C2's line}:
     * each directive is "matching: …", then " c1 directives:", an inline line and the flags, then the
     * same for c2.
     */
    private static Map<String, String[]> directives(String output) {
        Map<String, String[]> byPattern = new LinkedHashMap<>();
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("matching: ")) continue;
            String pattern = line.substring("matching: ".length()).strip();
            String[] flags = new String[2];
            int found = 0;
            for (int j = i + 1; j < lines.length && found < 2 && !lines[j].strip().startsWith("matching: "); j++) {
                if (lines[j].strip().startsWith("Enable:")) flags[found++] = " " + lines[j].strip() + " ";
            }
            assertEquals(2, found, "a directive without its C1 and C2 flags: " + pattern);
            byPattern.put(pattern, flags);
        }
        return byPattern;
    }
}
