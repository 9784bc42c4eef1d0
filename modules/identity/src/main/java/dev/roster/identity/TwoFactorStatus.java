package dev.roster.identity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether an account signs in with a second factor.
 *
 * @param enabled true once an enrolment was confirmed
 * @param enabledAt when it was confirmed
 * @param recoveryCodesLeft unused recovery codes
 */
public record TwoFactorStatus(
    boolean enabled, @Schema(nullable = true) Instant enabledAt, int recoveryCodesLeft) {}
