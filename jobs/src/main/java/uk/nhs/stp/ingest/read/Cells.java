package uk.nhs.stp.ingest.read;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Published cell values, read as NHS England writes them. Nothing becomes something else
 * silently: a marker becomes null with a flag, a censored value keeps its bound with a flag,
 * anything unreadable is a problem with a reason.
 *
 * <ul>
 *   <li>spaces and non-breaking spaces around a value are trimmed;</li>
 *   <li>{@code *}, {@code -}, {@code ..} are suppressed cells and {@code .} is "not available":
 *       null plus a flag;</li>
 *   <li>{@code (1,234)} is −1234; thousands separators are accepted only in groups of three;
 *       a leading {@code £} is dropped;</li>
 *   <li>{@code >52} / {@code <5} are censored: the bound is kept with a {@code censored} flag;</li>
 *   <li>Excel scientific notation ({@code 5.00E+03}) is read, flagged as possibly rounded;</li>
 *   <li>blank follows the caller's {@link Blank} policy (zero only where the publisher defines it).</li>
 * </ul>
 */
public final class Cells {
    private static final Set<String> SUPPRESSED = Set.of("*", "-", "..");
    private static final String NOT_AVAILABLE = ".";
    // the shapes a number may take, compiled once: a return has a number in most of its cells
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private Cells() { }

    /** What a blank cell means in a column. */
    public enum Blank {
        /** Blank is missing: null, no flag (an optional cell left empty). */
        NULL,
        /** Blank is zero, where the publisher defines it so (RTT weekly bands). */
        ZERO,
        /** Blank is a problem: the cell is required. */
        REQUIRED
    }

    /**
     * The result of reading one cell: a value (possibly null), an optional flag such as
     * {@code suppressed} or {@code censored}, or a problem (rule and reason) when unreadable.
     */
    public record Parsed(Object value, String flag, String flagDetail, String problemRule, String problemReason) {
        static Parsed ok(Object v) { return new Parsed(v, null, null, null, null); }
        static Parsed flagged(Object v, String flag, String detail) { return new Parsed(v, flag, detail, null, null); }
        static Parsed problem(String rule, String reason) { return new Parsed(null, null, null, rule, reason); }
        public boolean isProblem() { return problemRule != null; }
    }

    /** Trims spaces and non-breaking spaces; null stays null. */
    public static String clean(String raw) {
        if (raw == null) return null;
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) start++;
        while (end > start && isSpace(raw.charAt(end - 1))) end--;
        return raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\t' || c == '\uFEFF';
    }

    /** A whole-number count (Long). Fractions are a problem; use {@link #decimal} for shared counts. */
    public static Parsed count(String raw, Blank blank) {
        Parsed p = decimal(raw, blank);
        if (p.isProblem() || p.value() == null) return p;
        BigDecimal d = (BigDecimal) p.value();
        try {
            long v = d.stripTrailingZeros().longValueExact();
            return new Parsed(v, p.flag(), p.flagDetail(), null, null);
        } catch (ArithmeticException e) {
            return Parsed.problem("type", "'" + clean(raw) + "' is not a whole number");
        }
    }

    /** A decimal amount or fractional count (BigDecimal), in NHS finance notation. */
    public static Parsed decimal(String raw, Blank blank) {
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            switch (blank) {
                case ZERO: return Parsed.ok(BigDecimal.ZERO);
                case REQUIRED: return Parsed.problem("required", "value is required but the cell is blank");
                default: return Parsed.ok(null);
            }
        }
        if (SUPPRESSED.contains(s)) return Parsed.flagged(null, "suppressed", s);
        if (NOT_AVAILABLE.equals(s)) return Parsed.flagged(null, "not_available", s);
        String censor = null;
        if (s.startsWith(">") || s.startsWith("<")) {
            censor = s;
            s = clean(s.substring(1));
            if (s.startsWith("=")) s = clean(s.substring(1));
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = clean(s.substring(1, s.length() - 1));
        }
        if (s.startsWith("-")) {
            if (negative) return Parsed.problem("type", "'" + clean(raw) + "' is not a number");
            negative = true;
            s = clean(s.substring(1));
        }
        if (s.startsWith("£")) s = clean(s.substring(1));
        if (s.indexOf(',') >= 0) {
            if (!THOUSANDS.matcher(s).matches()) {
                return Parsed.problem("type", "'" + clean(raw) + "' is not a number (misplaced thousands separator)");
            }
            s = s.replace(",", "");
        }
        boolean scientific = s.indexOf('E') >= 0 || s.indexOf('e') >= 0;
        if (!(scientific ? SCIENTIFIC : PLAIN).matcher(s).matches()) {
            return Parsed.problem("type", "'" + clean(raw) + "' is not a number");
        }
        BigDecimal value = new BigDecimal(s);
        if (scientific) value = new BigDecimal(value.toPlainString());
        if (negative) value = value.negate();
        if (censor != null) return Parsed.flagged(value, "censored", censor);
        if (scientific) return Parsed.flagged(value, "scientific_notation", clean(raw));
        return Parsed.ok(value);
    }
}
