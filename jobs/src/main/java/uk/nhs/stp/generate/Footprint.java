package uk.nhs.stp.generate;

/**
 * A planning footprint of April 2018 (STP18) and its NHS England region.
 *
 * @param code       ONS STP code, {@code E54000005} … {@code E54000049}
 * @param name       STP name as ONS published it
 * @param odsCode    the footprint's ODS code ({@code Qxx}), used as the parent organisation in returns
 * @param regionCode ONS region code {@code E40000003} … {@code E40000010}
 * @param regionName region name, e.g. {@code North East and Yorkshire}
 * @param regionOdsCode ODS region code {@code Y56} … {@code Y63}
 */
public record Footprint(String code, String name, String odsCode, String regionCode, String regionName,
                        String regionOdsCode) { }
