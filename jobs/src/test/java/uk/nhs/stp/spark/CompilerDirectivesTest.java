package uk.nhs.stp.spark;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's compiler directives as the running JVM holds them: Janino's methods excluded
 * from C2 and only from C2, everything else as HotSpot's default. HotSpot rejects an unknown key,
 * but a directive for the wrong compiler or a pattern that matches nothing is added quietly, so the
 * directives are checked as the JVM prints them ({@code Compiler.directives_print}).
 */
class CompilerDirectivesTest {
    private static final String JANINO = "org/codehaus/commons/compiler/*.*, org/codehaus/janino/*.*";

    @Test
    void theRunningJvmKeepsC2OffJaninoOnly() throws Exception {
        // the first call of this JVM adds them (here, or when a test's session was configured)
        assertEquals("1 compiler directives added", CompilerDirectives.install());
        assertEquals("1 compiler directives added", CompilerDirectives.install());

        String printed = String.valueOf(CompilerDirectives.diagnosticCommand("compilerDirectivesPrint"));
        Map<String, List<String[]>> directives = directives(printed);
        List<String[]> janino = directives.get(JANINO);
        assertTrue(janino != null, "no directive for Janino's packages in:\n" + printed);
        assertEquals(1, janino.size(), "added once per JVM, however many sessions are configured:\n" + printed);
        assertTrue(janino.get(0)[0].contains(" Exclude:false "), "C1 must still compile Janino: " + janino.get(0)[0]);
        assertTrue(janino.get(0)[1].contains(" Exclude:true "), "C2 must not compile Janino: " + janino.get(0)[1]);
        List<String[]> others = directives.get("*.*");
        assertTrue(others != null && others.size() == 1, "HotSpot's default directive, once:\n" + printed);
        assertTrue(others.get(0)[0].contains(" Exclude:false ") && others.get(0)[1].contains(" Exclude:false "),
                "every other method must be left to both compilers: " + Arrays.toString(others.get(0)));
        assertEquals(2, directives.size(), "the application's directive and HotSpot's default: " + directives.keySet());
    }

    @Test
    void oneBackgroundThreadPerJvm() {
        // whichever call came first (a test's session, or this one), none after it starts a thread
        CompilerDirectives.installInBackground();
        assertFalse(CompilerDirectives.installInBackground(), "a second call must not start another thread");
        assertFalse(CompilerDirectives.installInBackground(), "nor a third");
    }

    @Test
    void switchedOffNothingIsAdded() {
        assertEquals("not added: -D" + CompilerDirectives.SWITCH + "=off", CompilerDirectives.add("off"));
    }

    /**
     * {@code Compiler.directives_print}'s output as matching pattern → each directive's {C1's flags,
     * C2's flags}: a directive is "matching: …", then " c1 directives:", an inline line and the
     * flags ("Enable:… Exclude:… …"), then the same for c2.
     */
    private static Map<String, List<String[]>> directives(String output) {
        Map<String, List<String[]>> byPattern = new LinkedHashMap<>();
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
            byPattern.computeIfAbsent(pattern, p -> new java.util.ArrayList<>()).add(flags);
        }
        return byPattern;
    }
}
