package uk.nhs.stp.query;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.spark.SparkSessions;

/**
 * Opens the published marts for SQL: a session of its own in which every mart of the current
 * version (dimensions included) is a temporary view under its own name, and nothing else is
 * reachable by name.
 */
public final class MartViews {
    private MartViews() { }

    /**
     * A new session sharing {@code spark}'s context, with one view per mart. SQL on file paths
     * ({@code SELECT * FROM parquet.`/any/path`}) is switched off in it, so a query sees the
     * published version and only that.
     */
    public static SparkSession open(SparkSession spark, PublishedMarts marts) {
        SparkSession session = spark.newSession();
        SparkSessions.configure(session);
        session.conf().set("spark.sql.runSQLOnFiles", "false");
        for (String table : marts.tables()) read(session, marts, table).createOrReplaceTempView(table);
        return session;
    }

    /**
     * A published mart's rows. When the version was written with this build's contract (same schema
     * fingerprint) the schema comes from the contract, which spares a Spark job per mart reading
     * Parquet footers; otherwise Spark reads it from the files.
     */
    public static Dataset<Row> read(SparkSession session, PublishedMarts marts, String table) {
        String path = marts.path(table).toString();
        String written = marts.entry().tables().get(table).schemaVersion();
        if (written != null && Contracts.list("marts").contains(table)) {
            TableContract contract = Contracts.table("marts", table);
            if (written.equals(contract.schemaVersion())) {
                return session.read().schema(ContractSchemas.schema(contract)).parquet(path);
            }
        }
        return session.read().parquet(path);
    }
}
