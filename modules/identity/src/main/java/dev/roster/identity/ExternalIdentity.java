package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who an external identity provider's verified token says the caller is.
 *
 * @param issuer the provider ({@code iss})
 * @param subject the provider's id of the person ({@code sub})
 * @param email the email claim, or null
 * @param emailVerified whether the provider says the email is verified
 * @param name the {@code name} claim, or null
 * @param firstName the {@code given_name} claim, or null
 * @param lastName the {@code family_name} claim, or null
 */
public record ExternalIdentity(
    @NotBlank @Size(max = 500) String issuer,
    @NotBlank @Size(max = 255) String subject,
    @Size(max = 254) String email,
    boolean emailVerified,
    @Size(max = 200) String name,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName) {}
