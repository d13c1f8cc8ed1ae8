package fr.catalyse.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account, a Camunda administrator.
 *
 * @param userId its login (default {@code admin})
 * @param password set on creation only; required in production (CATALYSE_ADMIN_PASSWORD)
 * @param email where the operator receives notices
 */
@ConfigurationProperties("catalyse.admin")
record AdminProperties(String userId, String password, String email) {
}
