package uk.nhs.stp.generate;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * A random stream keyed by (seed, kind, month, organisation). Every figure is drawn from the stream
 * of its own key, so a file's content never depends on the order in which organisations, months or
 * returns are generated, nor on how many months are asked for.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long state) {
        this.random = new SplittableRandom(state);
    }

    /** The stream for one key; {@code month} is null for traits that hold for every month. */
    static Rng of(long seed, String kind, YearMonth month, String org) {
        String key = kind + '|' + (month == null ? "-" : month.toString()) + '|' + org;
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new Rng(mix(h ^ mix(seed)));
    }

    /** SplitMix64's finaliser: spreads nearby keys over the whole state space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [lo, hi). */
    double between(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A normal draw with mean 0 and standard deviation {@code sd}. */
    double normal(double sd) {
        return random.nextGaussian() * sd;
    }

    /** A Poisson-like count with mean {@code mean}: exact for small means, normal for large ones. */
    long count(double mean) {
        if (mean <= 0) return 0;
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        return Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
    }

    /** {@code value} scaled by a normal factor with relative spread {@code relSd}. */
    double jitter(double value, double relSd) {
        return value * (1 + random.nextGaussian() * relSd);
    }

    /** Binomial-like draw: about {@code share} of {@code n}, never below 0 or above {@code n}. */
    long part(long n, double share) {
        if (n <= 0) return 0;
        double p = Math.min(1, Math.max(0, share));
        double v = n * p + random.nextGaussian() * Math.sqrt(n * p * (1 - p));
        return Math.min(n, Math.max(0, Math.round(v)));
    }
}
