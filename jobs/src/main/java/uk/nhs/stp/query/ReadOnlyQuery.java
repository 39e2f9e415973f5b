package uk.nhs.stp.query;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query a regional analyst may run over the marts: read-only, and every mistake in it one
 * readable line.
 *
 * <p>Phase 1, the first word must be SELECT or WITH. Phase 2, Spark's parser reads the statement
 * without running it, and a plan that writes ({@code WITH … INSERT}, {@code MERGE}, any command)
 * is refused. Phase 3, Spark resolves tables and columns (still without running anything): an
 * unknown table or column becomes a message naming the tables or the columns it might be, and a
 * call into Java code ({@code reflect}, {@code java_method}) is refused. Each refusal is an
 * {@link IllegalArgumentException}, which the command line turns into exit code 2.
 */
public final class ReadOnlyQuery {
    /** The words a query may start with. */
    public static final Set<String> FIRST_WORDS = Set.of("SELECT", "WITH");

    private static final Pattern FIRST_WORD = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/|\\()*([A-Za-z_]+)",
            Pattern.DOTALL);
    private static final Pattern CONDITION = Pattern.compile("^\\[[A-Z_.]+\\]\\s*");
    private static final Pattern SQLSTATE = Pattern.compile("\\s*SQLSTATE: \\w+\\.?");

    private ReadOnlyQuery() { }

    /**
     * The query's result, resolved but not yet run.
     *
     * @param session a session from {@link MartViews#open}
     * @param sql     one SELECT or WITH statement
     * @param tables  the views it may read, named in messages
     * @throws IllegalArgumentException for a statement that is not a read-only query, or that Spark cannot
     *                                  parse or resolve; the message is one line
     */
    public static Dataset<Row> plan(SparkSession session, String sql, Collection<String> tables) {
        Matcher first = FIRST_WORD.matcher(sql);
        String word = first.find() ? first.group(1).toUpperCase(Locale.ROOT) : "";
        if (!FIRST_WORDS.contains(word)) {
            throw new IllegalArgumentException("stp query runs read-only queries, starting SELECT or WITH"
                    + (word.isEmpty() ? "; the SQL is empty" : "; '" + word + "' is not allowed"));
        }
        LogicalPlan parsed;
        try {
            parsed = session.sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new IllegalArgumentException("SQL syntax error: " + oneLine(e) + position(e));
        }
        if (writes(parsed)) {
            throw new IllegalArgumentException("stp query runs read-only queries; this statement writes ("
                    + parsed.nodeName() + ")");
        }
        Dataset<Row> result;
        try {
            result = session.sql(sql);
        } catch (Exception e) {
            // Scala throws AnalysisException without declaring it
            if (e instanceof AnalysisException) throw new IllegalArgumentException(describe((AnalysisException) e, tables));
            throw e;
        }
        if (callsJava(result.queryExecution().analyzed())) {
            throw new IllegalArgumentException("stp query does not run reflect() or java_method(): they call Java code");
        }
        return result;
    }

    /** One line for an error Spark raised while running a query (a division by zero, a bad cast). */
    public static String describeRuntime(SparkThrowable e) {
        return "query failed: " + oneLine((Throwable) e);
    }

    /** True for a Spark error about the query's data or SQL rather than the system (SQLSTATE classes 22, 42). */
    public static boolean isUserError(SparkThrowable e) {
        String state = e.getSqlState();
        return state != null && (state.startsWith("22") || state.startsWith("42"));
    }

    static String describe(AnalysisException e, Collection<String> tables) {
        String condition = e.getCondition() == null ? "" : e.getCondition();
        Map<String, String> p = e.getMessageParameters();
        if (condition.startsWith("TABLE_OR_VIEW_NOT_FOUND")) {
            return "unknown table " + unquote(p.get("relationName")) + "; the marts are: " + String.join(", ", tables)
                    + " (stp tables describes them)";
        }
        if (condition.startsWith("UNRESOLVED_COLUMN")) {
            String proposal = p.get("proposal");
            return "unknown column " + unquote(p.get("objectName"))
                    + (proposal == null || proposal.isBlank() ? "" : "; did you mean one of: " + unquote(proposal) + "?")
                    + " (stp tables --warehouse DIR TABLE lists a table's columns)";
        }
        return oneLine(e) + position(e);
    }

    private static boolean writes(LogicalPlan plan) {
        if (plan instanceof Command || plan instanceof InsertIntoStatement) return true;
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) if (writes(child)) return true;
        return false;
    }

    private static boolean callsJava(LogicalPlan plan) {
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) if (callsJava(child)) return true;
        for (Expression e : CollectionConverters.asJava(plan.expressions())) if (callsJava(e)) return true;
        return false;
    }

    private static boolean callsJava(Expression e) {
        if (e instanceof CallMethodViaReflection) return true;
        if (e instanceof SubqueryExpression && callsJava(((SubqueryExpression) e).plan())) return true;
        for (Expression child : CollectionConverters.asJava(e.children())) if (callsJava(child)) return true;
        return false;
    }

    /** Spark's message without its error-class prefix, SQLSTATE and the SQL excerpt that follows. */
    static String oneLine(Throwable e) {
        String message = e instanceof AnalysisException ? ((AnalysisException) e).getSimpleMessage() : e.getMessage();
        String line = message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
        line = CONDITION.matcher(line).replaceFirst("");
        return SQLSTATE.matcher(line).replaceAll("").strip();
    }

    private static String position(Throwable e) {
        if (!(e instanceof AnalysisException)) return "";
        AnalysisException a = (AnalysisException) e;
        if (a.line().isEmpty()) return "";
        return " (line " + a.line().get() + (a.startPosition().isDefined() ? ", position " + a.startPosition().get() : "") + ")";
    }

    private static String unquote(String identifier) {
        return identifier == null ? "?" : identifier.replace("`", "");
    }
}
