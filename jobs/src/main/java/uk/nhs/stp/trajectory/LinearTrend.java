package uk.nhs.stp.trajectory;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ordinary least-squares straight line {@code y = intercept + slope · x} through n points, with
 * the classical standard errors and a prediction interval for a new observation.
 *
 * <p>With x̄, ȳ the means, Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ): slope = Sxy / Sxx, intercept =
 * ȳ − slope · x̄, residual standard error s = √(Σ residual² / (n − 2)), standard error of the
 * slope = s / √Sxx. The prediction interval at x0 at level L is ŷ(x0) ± t · s · √(1 + 1/n +
 * (x0 − x̄)² / Sxx), t the (1 + L)/2 quantile of Student's t with n − 2 degrees of freedom. With
 * two points the line is exact and the errors are undefined (NaN). Immutable.
 */
public final class LinearTrend {
    /**
     * Student's t quantiles already computed, by degrees of freedom and probability. Inverting the
     * distribution takes a root solver over the incomplete beta function, microseconds each, and a
     * trajectory mart asks for the same few again on every row (a decade of provider series: about
     * a second of CPU per nightly run, in a profile). Few keys: the window's sizes by the levels in use.
     */
    private static final Map<TQuantile, Double> T_QUANTILES = new ConcurrentHashMap<>();

    private record TQuantile(int degreesOfFreedom, double probability) { }

    private final int n;
    private final double slope;
    private final double intercept;
    private final double meanX;
    private final double sxx;
    private final double residualStandardError;

    private LinearTrend(int n, double slope, double intercept, double meanX, double sxx, double residualStandardError) {
        this.n = n;
        this.slope = slope;
        this.intercept = intercept;
        this.meanX = meanX;
        this.sxx = sxx;
        this.residualStandardError = residualStandardError;
    }

    /**
     * Fits the line.
     *
     * @throws IllegalArgumentException when the arrays differ in length, hold fewer than two points
     *                                  or every x is the same (no slope can be fitted)
     */
    public static LinearTrend fit(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("a line needs at least two points, got " + n);
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) throw new IllegalArgumentException("every x is " + meanX + ": no slope can be fitted");
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (intercept + slope * x[i]);
            rss += r * r;
        }
        double s = n > 2 ? Math.sqrt(rss / (n - 2)) : Double.NaN;
        return new LinearTrend(n, slope, intercept, meanX, sxx, s);
    }

    public int n() {
        return n;
    }

    public double slope() {
        return slope;
    }

    public double intercept() {
        return intercept;
    }

    /** s, the residual standard error (n − 2 degrees of freedom); NaN for two points. */
    public double residualStandardError() {
        return residualStandardError;
    }

    /** s / √Sxx; NaN for two points. */
    public double slopeStandardError() {
        return residualStandardError / Math.sqrt(sxx);
    }

    /** The fitted value at x. */
    public double predict(double x) {
        return intercept + slope * x;
    }

    /** Half the width of the prediction interval at x0 and level (e.g. 0.80); NaN for two points. */
    public double predictionHalfWidth(double x0, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        if (n <= 2) return Double.NaN;
        double t = T_QUANTILES.computeIfAbsent(new TQuantile(n - 2, (1 + level) / 2),
                q -> new TDistribution(null, q.degreesOfFreedom()).inverseCumulativeProbability(q.probability()));
        return t * residualStandardError * Math.sqrt(1 + 1.0 / n + (x0 - meanX) * (x0 - meanX) / sxx);
    }

    /**
     * The x at which the line reaches y, or NaN when it never does (a flat line not already on y).
     */
    public double xWhere(double y) {
        if (slope == 0) return predict(0) == y ? Double.NEGATIVE_INFINITY : Double.NaN;
        return (y - intercept) / slope;
    }
}
