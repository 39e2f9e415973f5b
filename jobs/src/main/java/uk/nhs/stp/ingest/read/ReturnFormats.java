package uk.nhs.stp.ingest.read;

import uk.nhs.stp.ingest.ae.AeMonthlyProviderCsv;
import uk.nhs.stp.ingest.ae.AeNhsrTidyCsv;
import uk.nhs.stp.ingest.cancer.CwtLongCsv;
import uk.nhs.stp.ingest.cancer.CwtProviderWorkbookXlsx;
import uk.nhs.stp.ingest.finance.FinanceAnnualPositionsCsv;
import uk.nhs.stp.ingest.finance.FinanceMonthlyReturnCsv;
import uk.nhs.stp.ingest.plan.PlannedTrajectoryCsv;
import uk.nhs.stp.ingest.reference.Ccg18StpLookupCsv;
import uk.nhs.stp.ingest.reference.CcgSuccessorsCsv;
import uk.nhs.stp.ingest.reference.GpPracticeMapCsv;
import uk.nhs.stp.ingest.reference.OdsTrustExtractCsv;
import uk.nhs.stp.ingest.reference.TrustStpLookupCsv;
import uk.nhs.stp.ingest.rtt.RttFullExtractCsv;
import uk.nhs.stp.ingest.source.ContentKind;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.util.List;

/**
 * Every published shape the ingest recognises, in recognition order (more specific shapes
 * first; shape-only recognition last). The one place to register a new format.
 */
public final class ReturnFormats {
    private static final List<ReturnFormat> ALL = List.of(
            new AeMonthlyProviderCsv(),
            new AeNhsrTidyCsv(),
            new RttFullExtractCsv(),
            new CwtProviderWorkbookXlsx(),
            new CwtLongCsv(),
            new FinanceMonthlyReturnCsv(),
            new FinanceAnnualPositionsCsv(),
            new PlannedTrajectoryCsv(),
            new TrustStpLookupCsv(),
            new Ccg18StpLookupCsv(),
            new OdsTrustExtractCsv(),
            new GpPracticeMapCsv(),
            new CcgSuccessorsCsv());

    private ReturnFormats() { }

    public static List<ReturnFormat> all() {
        return ALL;
    }

    /** The registered format whose input contract has this name. */
    public static ReturnFormat byName(String inputShape) {
        for (ReturnFormat f : ALL) {
            if (f.contract().name().equals(inputShape)) return f;
        }
        throw new IllegalArgumentException("no registered format " + inputShape);
    }

    /** The first format recognising the content. */
    public static ReturnFormat detect(SourceContent content) throws FileRejectedException {
        for (ReturnFormat f : ALL) {
            if (f.recognises(content)) return f;
        }
        throw new FileRejectedException("not_a_return", content.kind() == ContentKind.XLSX
                ? "is an Excel workbook that is not a recognised return (expected the Cancer Waiting Times provider workbook)"
                : "is not a recognised return: its first lines match no known header (A&E, RTT, cancer, finance, "
                + "a planned trajectory or an organisation lookup); see data-schemas/inputs/ for the accepted shapes");
    }
}
