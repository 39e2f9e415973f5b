package uk.nhs.stp.generate;

/**
 * An NHS trust in the generated universe.
 *
 * @param code            3-character ODS code
 * @param name            name in capitals, as the statistical returns print it
 * @param lookupName      name as the published trust-to-STP lookup prints it
 * @param kind            acute, community or mental health
 * @param footprint       the footprint the trust belongs to
 * @param incomeGbpK      operating income 2017/18 from the trust's accounts, £000; sizes its activity
 * @param positionGbpK    accounts surplus (+) or deficit (-) 2017/18, £000; anchors its finance return
 */
public record Provider(String code, String name, String lookupName, ProviderKind kind, Footprint footprint,
                       long incomeGbpK, long positionGbpK) { }
