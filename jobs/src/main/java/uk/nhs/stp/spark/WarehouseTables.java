package uk.nhs.stp.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;

/**
 * Opens the warehouse's own tables with the schema of their contract. The schema is given, never
 * inferred: inference costs a Spark job (a footer read) per table opened, and the contract is what
 * the writer wrote anyway.
 */
public final class WarehouseTables {
    private WarehouseTables() { }

    /** A conformed table (its partition column included), or null when the warehouse has none. */
    public static Dataset<Row> conformed(SparkSession spark, Warehouse warehouse, String table) throws IOException {
        Path path = warehouse.conformed(table);
        if (!warehouse.fs().exists(path)) return null;
        return spark.read().schema(ContractSchemas.schema(Contracts.conformed(table))).parquet(path.toString());
    }

    /** A mart's folder (of any version) read with the mart's contract schema. */
    public static Dataset<Row> mart(SparkSession spark, String mart, Path folder) {
        return spark.read().schema(ContractSchemas.schema(Contracts.table("marts", mart))).parquet(folder.toString());
    }
}
