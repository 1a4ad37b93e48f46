package dev.scorecard.core.model;

import java.util.Objects;

/**
 * One fitted coefficient with its Wald statistics.
 *
 * @param name the variable's name, or {@code (Intercept)}
 * @param estimate the coefficient β
 * @param standardError the square root of its diagonal element of the inverse (penalised) information
 *     matrix at the estimate
 * @param z the Wald statistic {@code estimate / standardError}
 * @param pValue the two-sided p-value 2·Φ(−|z|), computed as erfc(|z|/√2) so that it does not
 *     underflow to 0 before about |z| = 38
 */
public record Coefficient(String name, double estimate, double standardError, double z, double pValue) {

    /** Checks that the name is present. */
    public Coefficient {
        Objects.requireNonNull(name, "name");
    }
}
