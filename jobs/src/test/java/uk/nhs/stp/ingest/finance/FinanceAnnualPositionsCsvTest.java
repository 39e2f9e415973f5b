package uk.nhs.stp.ingest.finance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.testing.RealData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-test of the real annual trust financial positions file (PROVENANCE.md §9a). */
class FinanceAnnualPositionsCsvTest {
    private static final String FILE = "finance/financial_positions.csv";

    private static Path file;
    private static FileParseResult result;

    @BeforeAll
    static void readRealFile() throws Exception {
        file = RealData.file(FILE);
        result = FinanceFiles.read(new FinanceAnnualPositionsCsv(), file);
    }

    @Test
    void isRecognisedAsTheAnnualPositionsFile() throws Exception {
        assertInstanceOf(FinanceAnnualPositionsCsv.class, ReturnFormats.detect(FinanceFiles.open(file)),
                "detected format");
    }

    @Test
    void readsEveryRowWithoutRejects() {
        assertEquals(2183, result.rowsRead(), "rows read");
        assertEquals(2183, result.rowsAccepted(), "rows accepted");
        assertEquals(0, result.rowsRejected(), "rows rejected: " + result.problems());
        assertEquals(0, result.rowsControl(), "control rows");
        assertTrue(result.warnings().isEmpty(), "warnings: " + result.warnings());
        TreeSet<String> orgs = new TreeSet<>();
        for (OutputRow r : result.rows()) orgs.add((String) r.get("org_code"));
        assertEquals(261, orgs.size(), "distinct trust codes");
    }

    @Test
    void coversNineFinancialYearsFromApril2010() {
        List<LocalDate> expected = new ArrayList<>();
        for (int y = 2010; y <= 2018; y++) expected.add(LocalDate.of(y, 4, 1));
        assertEquals(expected, result.periods(), "periods (1 April of each financial year)");
        Map<String, Integer> rowsPerYear = new TreeMap<>();
        for (OutputRow r : result.rows()) rowsPerYear.merge((String) r.get("financial_year"), 1, Integer::sum);
        assertEquals(List.of("2010/11", "2011/12", "2012/13", "2013/14", "2014/15", "2015/16", "2016/17",
                "2017/18", "2018/19"), new ArrayList<>(rowsPerYear.keySet()), "financial years");
        assertEquals(List.of(245, 250, 249, 247, 246, 243, 239, 234, 230), new ArrayList<>(rowsPerYear.values()),
                "rows per YEAR 2010..2018 (PROVENANCE.md)");
    }

    @Test
    void financialPositionSumsMatchTheRawFileAndProvenance() throws Exception {
        Map<Integer, BigDecimal> raw = rawSums(2);
        Map<Integer, BigDecimal> read = new TreeMap<>();
        for (OutputRow r : result.rows()) {
            read.merge(((LocalDate) r.get("month")).getYear(), (BigDecimal) r.get("financial_position_gbp_k"),
                    BigDecimal::add);
        }
        assertEquals(raw.keySet(), read.keySet(), "years");
        for (Integer year : raw.keySet()) {
            assertEquals(0, raw.get(year).compareTo(read.get(year)),
                    "FINANCIAL_POSITION sum for " + year + ": raw " + raw.get(year) + " vs read " + read.get(year));
        }
        List<BigDecimal> provenanceGbpM = List.of(new BigDecimal("471.5"), new BigDecimal("469.3"),
                new BigDecimal("543.6"), new BigDecimal("-105.7"), new BigDecimal("-842.9"), new BigDecimal("-2442.2"),
                new BigDecimal("-858.0"), new BigDecimal("-1086.3"), new BigDecimal("-866.5"));
        int i = 0;
        for (Integer year : read.keySet()) {
            BigDecimal gbpM = read.get(year).movePointLeft(3).setScale(1, RoundingMode.HALF_UP);
            assertEquals(provenanceGbpM.get(i++), gbpM, "sector position £m for YEAR " + year);
        }
    }

    @Test
    void incomeAndCostSumsMatchTheRawFile() throws Exception {
        Map<Integer, BigDecimal> rawIncome = rawSums(3);
        Map<Integer, BigDecimal> rawCost = rawSums(4);
        Map<Integer, BigDecimal> income = new TreeMap<>();
        Map<Integer, BigDecimal> cost = new TreeMap<>();
        for (OutputRow r : result.rows()) {
            int year = ((LocalDate) r.get("month")).getYear();
            income.merge(year, (BigDecimal) r.get("operating_income_gbp_k"), BigDecimal::add);
            cost.merge(year, (BigDecimal) r.get("operating_cost_gbp_k"), BigDecimal::add);
        }
        for (Integer year : rawIncome.keySet()) {
            assertEquals(0, rawIncome.get(year).compareTo(income.get(year)), "OP_INCOME sum for " + year);
            assertEquals(0, rawCost.get(year).compareTo(cost.get(year)), "OP_COST sum for " + year);
            assertTrue(cost.get(year).signum() < 0, "operating cost stays negative as published, " + year);
        }
    }

    @Test
    void keepsPublishedValuesExactly() {
        OutputRow kings = row("RJZ", 2018);
        assertEquals("2018/19", kings.get("financial_year"), "financial year");
        assertEquals(0, new BigDecimal("-180086").compareTo((BigDecimal) kings.get("financial_position_gbp_k")), "position");
        assertEquals(0, new BigDecimal("1117060.499").compareTo((BigDecimal) kings.get("operating_income_gbp_k")), "income");
        assertEquals(0, new BigDecimal("-1253576").compareTo((BigDecimal) kings.get("operating_cost_gbp_k")), "cost");
        OutputRow barts = row("R1H", 2015);
        assertEquals(LocalDate.of(2015, 4, 1), barts.get("month"), "month = 1 April of the financial year");
        assertEquals(0, new BigDecimal("-134881").compareTo((BigDecimal) barts.get("financial_position_gbp_k")), "position");
    }

    @Test
    void flagsTheFiveScientificNotationCells() {
        List<String> flagged = new ArrayList<>();
        for (OutputRow r : result.rows()) {
            for (String f : FinanceFiles.flags(result, r)) {
                if (f.startsWith("scientific_notation:")) {
                    flagged.add(r.get("org_code") + " " + ((LocalDate) r.get("month")).getYear() + " " + f);
                }
            }
        }
        assertEquals(List.of(
                "RW4 2011 scientific_notation:financial_position_gbp_k:5.00E+03",
                "RW4 2012 scientific_notation:financial_position_gbp_k:4.00E+03",
                "RYR 2012 scientific_notation:operating_cost_gbp_k:-3.67E+05",
                "RH8 2015 scientific_notation:operating_cost_gbp_k:-4.17E+05",
                "RTH 2016 scientific_notation:operating_income_gbp_k:9.98E+05"), flagged, "scientific cells");
        assertEquals(0, new BigDecimal("-367000").compareTo((BigDecimal) row("RYR", 2012).get("operating_cost_gbp_k")),
                "scientific value read as written");
    }

    private static OutputRow row(String org, int year) {
        for (OutputRow r : result.rows()) {
            if (org.equals(r.get("org_code")) && ((LocalDate) r.get("month")).getYear() == year) return r;
        }
        throw new AssertionError("no row for " + org + " " + year);
    }

    /** Sum of one field by YEAR, straight from the raw lines: a plain split, no reader involved. */
    private static Map<Integer, BigDecimal> rawSums(int field) throws Exception {
        Map<Integer, BigDecimal> sums = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split(",");
            sums.merge(Integer.parseInt(f[1]), new BigDecimal(f[field]), BigDecimal::add);
        }
        return sums;
    }
}
