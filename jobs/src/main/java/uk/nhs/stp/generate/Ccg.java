package uk.nhs.stp.generate;

/**
 * A clinical commissioning group of April 2018.
 *
 * @param onsCode    ONS code {@code E38000xxx}
 * @param code       3-character ODS code, e.g. {@code 02N}
 * @param name       name as ONS published it, e.g. {@code NHS Leeds CCG}
 * @param footprint  the footprint the CCG belongs to
 * @param population registered population 2018 (ONS mid-year estimate); sizes its commissioning
 */
public record Ccg(String onsCode, String code, String name, Footprint footprint, long population) { }
