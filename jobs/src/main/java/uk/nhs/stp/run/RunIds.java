package uk.nhs.stp.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids sort by start time: {@code 20261123T014501.123Z-3fa2}. */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RunIds() { }

    public static String next(Instant now) {
        return FORMAT.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
