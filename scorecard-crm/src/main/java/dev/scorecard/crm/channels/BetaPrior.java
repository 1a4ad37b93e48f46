package dev.scorecard.crm.channels;

import java.util.Objects;

/**
 * What a group's conversion rate is believed to be before its own leads are counted: a
 * {@link Beta} prior, or, when the groups look alike (the fitted concentration runs to infinity),
 * "pooled": every group's rate is the common rate, whose posterior {@link #shape} already is, so a
 * group's own counts add nothing more.
 *
 * @param shape the prior; when pooled, the common rate's posterior
 * @param pooled whether the groups are taken to share one rate
 */
record BetaPrior(Beta shape, boolean pooled) {
    /** Checks the shape. */
    BetaPrior {
        Objects.requireNonNull(shape, "shape");
    }

    /** @return the prior Beta(α, β) */
    static BetaPrior of(double alpha, double beta) {
        return new BetaPrior(new Beta(alpha, beta), false);
    }

    /** @return the prior of groups that share one rate whose posterior is {@code common} */
    static BetaPrior pooled(Beta common) {
        return new BetaPrior(common, true);
    }

    /**
     * The pooled prior when nothing can tell the groups apart: the common rate under the Jeffreys prior
     * Beta(½, ½), updated with all conversions and leads.
     */
    static BetaPrior pooled(long conversions, long leads) {
        return pooled(new Beta(conversions + 0.5, leads - conversions + 0.5));
    }

    /** @return the prior mean α / (α + β) */
    double mean() {
        return shape.mean();
    }

    /** @return α + β, the prior's weight in leads; infinite when pooled */
    double concentration() {
        return pooled ? Double.POSITIVE_INFINITY : shape.alpha() + shape.beta();
    }

    /**
     * The conjugate update: Beta(α + k, β + n − k).
     *
     * @param conversions k
     * @param leads n, at least k
     * @return the group's posterior
     */
    Beta posterior(long conversions, long leads) {
        return pooled ? shape : new Beta(shape.alpha() + conversions, shape.beta() + leads - conversions);
    }
}
