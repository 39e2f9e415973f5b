package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.testing.RealData;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each real lookup is recognised by its own reader, by none of the others, and so by the registry. */
class LookupRecognitionTest {
    private static final List<ReturnFormat> LOOKUPS =
            List.of(new TrustStpLookupCsv(), new Ccg18StpLookupCsv(), new OdsTrustExtractCsv());

    @ParameterizedTest
    @CsvSource({
            "lookups_stp/Trust-STP-lookup.csv, trust_stp_lookup_csv",
            "derived/ccg18_to_stp18_to_nhser18.DERIVED.csv, ccg18_stp_lookup_csv",
            "lookups_ods/etr.csv, ods_trust_extract_csv"})
    void recognisedByItsOwnReaderOnly(String file, String shape) throws Exception {
        SourceContent content = LookupFiles.content(RealData.file(file));
        for (ReturnFormat f : LOOKUPS) {
            assertEquals(f.contract().name().equals(shape), f.recognises(content),
                    f.contract().name() + " recognising " + file);
        }
        assertEquals(shape, ReturnFormats.detect(content).contract().name(), "registry detects " + file);
    }

    @ParameterizedTest
    @CsvSource({
            "lookups_stp/population.csv",
            "lookups_stp/stp20cd_to_nhser20cd.csv",
            "lookups_ods/gp-reg-pat-prac-map.csv",
            "finance/nhs_provider.csv"})
    void otherFilesAreNotLookups(String file) throws Exception {
        SourceContent content = LookupFiles.content(RealData.file(file));
        for (ReturnFormat f : LOOKUPS) {
            assertFalse(f.recognises(content), f.contract().name() + " must not recognise " + file);
        }
    }
}
