package uk.nhs.stp.spc;

import uk.nhs.stp.reference.Target.Direction;

import java.io.Serializable;
import java.util.List;

/**
 * The summary icons of a classified series, read at its latest month with data (NHSRplotthedots
 * {@code summary.ptd_spc_df} and {@code ptd_calculate_assurance_type}).
 *
 * @param latest        the latest point with a value; null when the series has none
 * @param variationType that point's type
 * @param assuranceType its segment's limits against its month's target; null without a target,
 *                      without a direction of good, or without limits
 */
public record SeriesSummary(SpcPoint latest, PointType variationType, AssuranceType assuranceType)
        implements Serializable {

    /** @param points a series as {@link XmrChart#classify} returns it (month order) */
    public static SeriesSummary of(List<SpcPoint> points, Direction direction) {
        for (int i = points.size() - 1; i >= 0; i--) {
            SpcPoint p = points.get(i);
            if (!p.isMissing()) {
                return new SeriesSummary(p, p.pointType(), AssuranceType.of(direction, p.target(), p.limits()));
            }
        }
        return new SeriesSummary(null, null, null);
    }
}
