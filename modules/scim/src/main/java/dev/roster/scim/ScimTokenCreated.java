package dev.roster.scim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A SCIM token just issued, with its secret: shown this once, stored only hashed.
 *
 * @param token the token
 * @param secret the bearer secret ({@code scim_...}) the identity provider sends
 * @param baseUrl the organisation's SCIM base URL, to give the identity provider
 */
public record ScimTokenCreated(
    ScimTokenView token,
    @Schema(description = "Shown once; store it in the identity provider.") String secret,
    String baseUrl) {}
