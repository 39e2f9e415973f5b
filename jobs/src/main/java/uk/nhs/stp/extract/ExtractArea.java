package uk.nhs.stp.extract;

/**
 * The area an extract is for: a region (its code, e.g. {@code E40000009}; on footprint vintage 2017,
 * whose lookup names regions without codes, its name) or a footprint (its code, e.g. {@code E54000049}).
 */
public record ExtractArea(Kind kind, String code) {
    public enum Kind { REGION, FOOTPRINT }

    public ExtractArea {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("an extract needs an area code");
        code = code.strip();
    }

    public static ExtractArea region(String code) { return new ExtractArea(Kind.REGION, code); }

    public static ExtractArea footprint(String code) { return new ExtractArea(Kind.FOOTPRINT, code); }

    /** {@code region E40000009} or {@code footprint E54000049}, for messages and the manifest. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + code;
    }
}
