package fr.catalyse.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * How often « mot de passe oublié » gives out links ({@code catalyse.password-reset}).
 * The account limits count the links recorded in the database, so they hold across every
 * node of a cluster; the client limit is counted in each node's memory.
 *
 * @param linksPerAccount links one account receives at most per {@code accountWindow}
 * @param accountWindow the period {@code linksPerAccount} is counted over
 * @param accountInterval no new link sooner than this after the previous one, while that
 * one still works
 * @param requestsPerClient requests one client address may make per {@code clientWindow},
 * known account or not; past it the page answers 429
 * @param clientWindow the period {@code requestsPerClient} is counted over
 */
@NamedInterface("accounts")
@ConfigurationProperties("catalyse.password-reset")
public record PasswordResetLimits(@DefaultValue("3") int linksPerAccount, @DefaultValue("PT1H") Duration accountWindow,
        @DefaultValue("PT10M") Duration accountInterval, @DefaultValue("10") int requestsPerClient,
        @DefaultValue("PT15M") Duration clientWindow) {

    public PasswordResetLimits {
        if (linksPerAccount < 1 || requestsPerClient < 1 || accountWindow.isNegative() || accountInterval.isNegative()
                || clientWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "catalyse.password-reset : les nombres doivent être positifs et les durées "
                            + "positives ou nulles");
        }
    }
}
