package uk.nhs.stp.generate;

/**
 * An independent or urgent care site that reports in the A&E return (walk-in centre, urgent treatment
 * centre, minor injury unit run outside an NHS trust). No footprint lookup lists sites, so their
 * attendances count for England but for no footprint, as in the published data.
 *
 * @param code                   ODS code as the return prints it, 3 to 6 characters
 * @param name                   name in capitals, as the return prints it
 * @param regionName             NHS England region, e.g. {@code South East}
 * @param otherAttendancesApril2025 attendances (other A&E department type) published for April 2025; sizes its activity
 */
public record UrgentCareSite(String code, String name, String regionName, long otherAttendancesApril2025) { }
