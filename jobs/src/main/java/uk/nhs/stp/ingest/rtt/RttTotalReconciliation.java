package uk.nhs.stp.ingest.rtt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every C_999 (Total) row of an RTT extract against the sum of the accepted rows of the
 * other treatment functions of the same provider × commissioner × part: Total All and every
 * weekly band must be equal. A group with other rows and no C_999, or with two C_999 rows, does
 * not reconcile either. The result is one summary sentence per file, not one per group.
 */
final class RttTotalReconciliation {
    private static final int EXAMPLES = 5;

    private record Group(String provider, String commissioner, String part) {
        @Override
        public String toString() { return provider + " x " + commissioner + " x " + part; }
    }

    private static final class Control {
        final long line;
        final long[] values;
        Long secondLine;

        Control(long line, long[] values) {
            this.line = line;
            this.values = values;
        }
    }

    private record Mismatch(long line, String reason) { }

    private final RttBandColumns bands;
    private final Map<Group, long[]> summed = new HashMap<>();
    private final Map<Group, Control> controls = new HashMap<>();

    RttTotalReconciliation(RttBandColumns bands) {
        this.bands = bands;
    }

    /** Adds an accepted row of a real treatment function. */
    void addRow(String provider, String commissioner, String part, long[] bandCounts, long totalAll) {
        long[] sum = summed.computeIfAbsent(new Group(provider, commissioner, part), g -> new long[bands.count() + 1]);
        for (int b = 0; b < bandCounts.length; b++) sum[b] += bandCounts[b];
        sum[bands.count()] += totalAll;
    }

    /** Adds a C_999 control row. */
    void addControl(long line, String provider, String commissioner, String part, long[] bandCounts, long totalAll) {
        long[] values = new long[bands.count() + 1];
        System.arraycopy(bandCounts, 0, values, 0, bandCounts.length);
        values[bands.count()] = totalAll;
        Control earlier = controls.putIfAbsent(new Group(provider, commissioner, part), new Control(line, values));
        if (earlier != null && earlier.secondLine == null) earlier.secondLine = line;
    }

    /** A summary of the groups that do not reconcile, or null when all do. */
    String mismatchSummary() {
        Set<Group> groups = new LinkedHashSet<>(controls.keySet());
        groups.addAll(summed.keySet());
        List<Mismatch> mismatches = new ArrayList<>();
        for (Group g : groups) {
            String why = mismatch(g);
            if (why != null) {
                Control c = controls.get(g);
                mismatches.add(new Mismatch(c == null ? Long.MAX_VALUE : c.line, why));
            }
        }
        if (mismatches.isEmpty()) return null;
        mismatches.sort(Comparator.comparingLong(Mismatch::line).thenComparing(Mismatch::reason));
        StringBuilder sb = new StringBuilder();
        sb.append(mismatches.size()).append(" of ").append(groups.size())
                .append(" provider x commissioner x part groups do not reconcile with their C_999 Total row; e.g. ");
        for (int i = 0; i < Math.min(EXAMPLES, mismatches.size()); i++) {
            if (i > 0) sb.append("; ");
            sb.append(mismatches.get(i).reason());
        }
        return sb.toString();
    }

    private String mismatch(Group g) {
        long[] sum = summed.get(g);
        Control c = controls.get(g);
        if (c == null) return g + ": no C_999 row for the other treatment functions";
        if (c.secondLine != null) return g + ": C_999 appears twice (lines " + c.line + " and " + c.secondLine + ")";
        if (sum == null) sum = new long[c.values.length];
        int total = bands.count();
        if (sum[total] != c.values[total]) {
            return g + " (C_999 line " + c.line + "): Total All " + c.values[total] + " but the other rows sum to "
                    + sum[total];
        }
        for (int b = 0; b < total; b++) {
            if (sum[b] != c.values[b]) {
                return g + " (C_999 line " + c.line + "): " + bands.header(b) + " " + c.values[b]
                        + " but the other rows sum to " + sum[b];
            }
        }
        return null;
    }
}
