/**
 * Readers of the organisation → footprint lookups. Each lookup lands like a return, is
 * recognised by its header (or, for the headerless ODS extract, by its shape) and loads as
 * effective-dated mappings into the conformed table {@code org_footprint_map}, partitioned by
 * lookup so that landing one lookup again replaces only its own rows.
 */
package uk.nhs.stp.ingest.reference;
