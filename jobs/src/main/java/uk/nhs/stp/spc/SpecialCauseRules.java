package uk.nhs.stp.spc;

/**
 * The special-cause rules on one segment of a series (NHSRplotthedots
 * {@code ptd_special_cause_type}), each returning per point the rule that marks it or null.
 *
 * <p>A missing month (null value) never signals and ends every run: no shift, trend or
 * two-in-three window spans a gap, so a gap cannot join two half-runs into a signal.
 */
final class SpecialCauseRules {
    private SpecialCauseRules() { }

    /**
     * The rule marking each point of a segment, highest-priority first (see {@link SpecialCauseRule}).
     *
     * @param values the segment's values in month order, null for a missing month
     * @param limits the segment's limits (null when it has no value)
     */
    static SpecialCauseRule[] classify(Double[] values, ProcessLimits limits, SpcParameters parameters) {
        int n = values.length;
        SpecialCauseRule[] rules = new SpecialCauseRule[n];
        if (limits == null) return rules;
        int[] side = new int[n];
        for (int i = 0; i < n; i++) side[i] = values[i] == null ? 0 : limits.sideOfMean(values[i]);
        int[] trend = trends(values, parameters.trendLength());
        boolean[] twoInThree = twoInThree(values, side, limits, parameters.twoInThree());
        boolean[] shift = shifts(values, side, parameters.shiftLength(), parameters.ties());
        for (int i = 0; i < n; i++) {
            if (values[i] == null) continue;
            if (limits.isOutside(values[i])) {
                rules[i] = values[i] > limits.upperProcessLimit()
                        ? SpecialCauseRule.ABOVE_UPPER_PROCESS_LIMIT : SpecialCauseRule.BELOW_LOWER_PROCESS_LIMIT;
            } else if (trend[i] != 0) {
                rules[i] = trend[i] > 0 ? SpecialCauseRule.TREND_INCREASING : SpecialCauseRule.TREND_DECREASING;
            } else if (twoInThree[i]) {
                rules[i] = side[i] > 0 ? SpecialCauseRule.TWO_IN_THREE_ABOVE : SpecialCauseRule.TWO_IN_THREE_BELOW;
            } else if (shift[i]) {
                rules[i] = side[i] > 0 ? SpecialCauseRule.SHIFT_ABOVE : SpecialCauseRule.SHIFT_BELOW;
            }
        }
        return rules;
    }

    /**
     * Trend: every point of a run of at least {@code length} consecutive values each strictly higher
     * (+1) or each strictly lower (−1) than the one before. An equal value ends a trend, as in
     * NHSRplotthedots. A point that ends one trend and starts the opposite one (a peak) takes the
     * direction of the later trend, as NHSRplotthedots reads the direction from the right.
     */
    static int[] trends(Double[] values, int length) {
        int n = values.length;
        int[] direction = new int[n];
        int start = 0;
        int runDirection = 0;
        for (int i = 1; i <= n; i++) {
            int step = i < n && values[i] != null && values[i - 1] != null
                    ? Double.compare(values[i], values[i - 1]) : 0;
            if (step != 0 && (runDirection == 0 || step == runDirection)) {
                runDirection = step;
                continue;
            }
            if (runDirection != 0 && i - start >= length) {
                for (int k = start; k < i; k++) direction[k] = runDirection;
            }
            // a reversal starts the next run at the turning point; a tie or a gap starts it at i
            start = step != 0 ? i - 1 : i;
            runDirection = step;
        }
        return direction;
    }

    /**
     * Two in three: in any three consecutive months, all with a value and all on the same side of
     * the mean, at least two counted points (see {@link TwoInThreeRule}); the counted points of
     * such a window are marked.
     */
    static boolean[] twoInThree(Double[] values, int[] side, ProcessLimits limits, TwoInThreeRule rule) {
        int n = values.length;
        boolean[] marked = new boolean[n];
        if (rule == TwoInThreeRule.OFF) return marked;
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            counted[i] = values[i] != null && limits.isBeyondTwoSigma(values[i])
                    && (rule == TwoInThreeRule.BEYOND_TWO_SIGMA || !limits.isOutside(values[i]));
        }
        for (int s = 0; s + 2 < n; s++) {
            boolean sameSide = side[s] != 0 && side[s] == side[s + 1] && side[s] == side[s + 2];
            int count = (counted[s] ? 1 : 0) + (counted[s + 1] ? 1 : 0) + (counted[s + 2] ? 1 : 0);
            if (sameSide && count >= 2) {
                for (int k = s; k <= s + 2; k++) marked[k] |= counted[k];
            }
        }
        return marked;
    }

    /**
     * Shift: every point of a run of at least {@code length} values on the same side of the mean.
     * A missing month ends the run; a point on the mean ends it too, or, with
     * {@link TieRule#IGNORED}, is passed over (neither counted nor marked).
     */
    static boolean[] shifts(Double[] values, int[] side, int length, TieRule ties) {
        int n = values.length;
        boolean[] marked = new boolean[n];
        int[] run = new int[n];
        int size = 0;
        int runSide = 0;
        for (int i = 0; i <= n; i++) {
            boolean passOver = i < n && values[i] != null && side[i] == 0 && ties == TieRule.IGNORED;
            if (passOver) continue;
            boolean continuesRun = i < n && values[i] != null && side[i] != 0 && side[i] == runSide;
            if (continuesRun) {
                run[size++] = i;
                continue;
            }
            if (size >= length) {
                for (int k = 0; k < size; k++) marked[run[k]] = true;
            }
            size = 0;
            runSide = i < n && values[i] != null ? side[i] : 0;
            if (runSide != 0) run[size++] = i;
        }
        return marked;
    }
}
