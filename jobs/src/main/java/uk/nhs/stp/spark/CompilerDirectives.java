package uk.nhs.stp.spark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JIT compiler directives of this application ({@value #RESOURCE}, which says what and why),
 * added to the running JVM once, as its Spark session is set up: what {@code jcmd <pid>
 * Compiler.directives_add} does, through the JVM's diagnostic command MBean. Added here rather
 * than by {@code -XX:CompilerDirectivesFile} so that they need no file path or diagnostic option on
 * the command line, print nothing on the command's output, and also apply to a driver started by
 * {@code spark-submit}.
 *
 * <p>An optimisation only: a JVM without the diagnostic command (not HotSpot, or without the
 * {@code jdk.management} module) or that refuses the directives runs on as it would have; the
 * outcome is logged at debug level. {@code -D}{@value #SWITCH}{@code =off} leaves HotSpot's
 * defaults (for measuring).
 */
public final class CompilerDirectives {
    /** The directives, a classpath resource in HotSpot's directives format. */
    public static final String RESOURCE = "stp-compiler-directives.json";
    /** System property that turns the directives off when set to {@code off}. */
    public static final String SWITCH = "stp.jit.directives";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private static final Logger LOG = LoggerFactory.getLogger(CompilerDirectives.class);
    private static final AtomicBoolean BACKGROUND_STARTED = new AtomicBoolean();
    private static String outcome;

    private CompilerDirectives() { }

    /**
     * Adds the directives to this JVM unless done before or switched off; returns what the JVM
     * answered (e.g. "1 compiler directives added") or why nothing was added. Later calls return
     * the first call's outcome without adding them again.
     */
    public static synchronized String install() {
        if (outcome == null) outcome = add(System.getProperty(SWITCH, ""));
        return outcome;
    }

    /**
     * {@link #install()} on a daemon thread, so that a command's start does not wait for the JVM's
     * MBean server (0.16–0.19 s cold): the directives matter only once Janino's methods are hot,
     * seconds into the first queries. Starts the thread on the first call only; later calls (each
     * session configured in this JVM makes one) return at once.
     *
     * @return whether this call started the thread
     */
    public static boolean installInBackground() {
        if (!BACKGROUND_STARTED.compareAndSet(false, true)) return false;
        Thread t = new Thread(CompilerDirectives::install, "stp-compiler-directives");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Adds the directives unless {@code switchValue} is {@code off}: each call adds them again. */
    static String add(String switchValue) {
        if ("off".equalsIgnoreCase(switchValue)) return "not added: -D" + SWITCH + "=off";
        Path file = null;
        try (InputStream in = CompilerDirectives.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) return "not added: " + RESOURCE + " is not on the class path";
            // the diagnostic command reads a file; the directives travel inside the jar
            file = Files.createTempFile("stp-compiler-directives", ".json");
            Files.write(file, in.readAllBytes());
            String answer = String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString())).strip();
            LOG.debug("compiler directives: {}", answer);
            return answer;
        } catch (Exception | LinkageError e) {
            LOG.debug("compiler directives not added", e);
            return "not added: " + e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", file, e);
                }
            }
        }
    }

    /**
     * Runs one of the JVM's diagnostic commands by its MBean operation name (e.g.
     * {@code compilerDirectivesPrint} for {@code Compiler.directives_print}) and returns its output.
     */
    public static Object diagnosticCommand(String operation, String... arguments) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
