package uk.nhs.stp.generate;

/**
 * One file the generator wrote.
 *
 * @param path path relative to the output folder, e.g. {@code ae/April-2025-CSV.csv}
 * @param kind the return it holds: {@code ae}, {@code rtt}, {@code cancer}, {@code finance},
 *             {@code trust_lookup} or {@code ccg_lookup}
 * @param rows data rows below the header, total and control rows included
 */
public record GeneratedFile(String path, String kind, long rows) { }
