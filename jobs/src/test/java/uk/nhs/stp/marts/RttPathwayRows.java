package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.SharedSpark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline {@code rtt_pathways} rows for the RTT mart tests: each row states the columns a test
 * cares about; the rest take plain defaults. Counts are given explicitly (not derived from the
 * bands) so that expected values stay hand calculations.
 */
final class RttPathwayRows {
    static final StructType SCHEMA = ContractSchemas.schema(Contracts.conformed("rtt_pathways"));
    static final StructType BANDS = new StructType()
            .add("month", DataTypes.DateType)
            .add("org_code", DataTypes.StringType)
            .add("band_index", DataTypes.IntegerType)
            .add("open_band_from_weeks", DataTypes.IntegerType)
            .add("pathways_count", DataTypes.LongType);
    /** {@link RttWaitBands}' output: {@link #BANDS} with the commissioner. */
    static final StructType COMMISSIONER_BANDS = new StructType()
            .add("month", DataTypes.DateType)
            .add("org_code", DataTypes.StringType)
            .add("commissioner_code", DataTypes.StringType)
            .add("band_index", DataTypes.IntegerType)
            .add("open_band_from_weeks", DataTypes.IntegerType)
            .add("pathways_count", DataTypes.LongType);
    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    static final LocalDate MAY = LocalDate.of(2026, 5, 1);

    private final List<Row> rows = new ArrayList<>();

    private RttPathwayRows() { }

    static RttPathwayRows rows() {
        return new RttPathwayRows();
    }

    /**
     * One row; {@code bands} null for Part_3. Within-18 and over-52 counts are null for Part_3 as
     * the contract says.
     */
    RttPathwayRows add(LocalDate month, String provider, String commissioner, String part, String treatmentFunction,
                       long totalAll, Long within18, Long over52, long[] bands, int openBandFrom) {
        Map<String, Object> v = new HashMap<>();
        v.put("month", month);
        v.put("period_label", "RTT-" + month.getMonth() + "-" + month.getYear());
        v.put("provider_org_code", provider);
        v.put("commissioner_org_code", commissioner);
        v.put("rtt_part_type", part);
        v.put("treatment_function_code", treatmentFunction);
        v.put("weeks_band_counts", bands == null ? null : toList(bands));
        v.put("open_band_from_weeks", openBandFrom);
        v.put("total_all_count", totalAll);
        v.put("within_18_weeks_count", within18);
        v.put("over_52_weeks_count", over52);
        v.put("is_control_row", "C_999".equals(treatmentFunction));
        v.put("data_flags", List.of());
        v.put("source_file", "test.csv");
        v.put("source_sha256", "0");
        v.put("source_line", (long) rows.size() + 2);
        v.put("run_id", "test");
        Object[] values = new Object[SCHEMA.size()];
        for (int i = 0; i < values.length; i++) values[i] = v.get(SCHEMA.fields()[i].name());
        rows.add(RowFactory.create(values));
        return this;
    }

    Dataset<Row> dataset() {
        return SharedSpark.session().createDataFrame(rows, SCHEMA);
    }

    /** Band rows (schema of {@link RttWaitBands}) of one organisation, bands 0…N. */
    static List<Row> bandRows(LocalDate month, String org, int openBandFrom, long... counts) {
        if (counts.length != openBandFrom + 1) throw new IllegalArgumentException("need N+1 bands");
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) out.add(RowFactory.create(month, org, i, openBandFrom, counts[i]));
        return out;
    }

    /** Rows of {@link #COMMISSIONER_BANDS}: one provider and commissioner's vector 0…N. */
    static List<Row> bandRows(LocalDate month, String org, String commissioner, int openBandFrom, long... counts) {
        List<Row> out = new ArrayList<>();
        for (Row r : bandRows(month, org, openBandFrom, counts)) {
            out.add(RowFactory.create(r.get(0), r.get(1), commissioner, r.get(2), r.get(3), r.get(4)));
        }
        return out;
    }

    private static List<Long> toList(long[] a) {
        List<Long> out = new ArrayList<>();
        for (long x : a) out.add(x);
        return out;
    }
}
