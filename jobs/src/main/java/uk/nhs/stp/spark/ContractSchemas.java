package uk.nhs.stp.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.ColumnType;
import uk.nhs.stp.contract.TableContract;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark schemas derived from table contracts; descriptions travel as column comments. Every
 * field is nullable in Spark: required columns are enforced by the validator (control rows such
 * as a published TOTAL legitimately leave an organisation code empty), and Parquet readers see
 * optional columns either way.
 */
public final class ContractSchemas {
    private ContractSchemas() { }

    public static StructType schema(TableContract contract) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec c : contract.columns()) {
            Metadata meta = new MetadataBuilder()
                    .putString("comment", c.description() == null ? "" : c.description()).build();
            fields.add(new StructField(c.name(), sparkType(c.type()), true, meta));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    public static DataType sparkType(ColumnType t) {
        switch (t.kind()) {
            case STRING: return DataTypes.StringType;
            case INT: return DataTypes.IntegerType;
            case LONG: return DataTypes.LongType;
            case DECIMAL: return DataTypes.createDecimalType(t.precision(), t.scale());
            case DATE: return DataTypes.DateType;
            case BOOLEAN: return DataTypes.BooleanType;
            case ARRAY_LONG: return DataTypes.createArrayType(DataTypes.LongType, false);
            case ARRAY_STRING: return DataTypes.createArrayType(DataTypes.StringType, false);
            default: throw new IllegalArgumentException("no Spark type for " + t);
        }
    }
}
