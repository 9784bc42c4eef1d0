package dev.roster.scim;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A SCIM token as its organisation's admins see it; never its secret.
 *
 * @param id the token id
 * @param name what it is for
 * @param role the org role the directory acts with
 * @param issuedBy the account of the admin who issued it: the token acts as them, and only while
 *     they are an active admin of the organisation
 * @param createdAt when it was issued
 * @param lastUsedAt when it was last used (to the minute), or null
 */
public record ScimTokenView(
    UUID id,
    String name,
    @Schema(ref = "OrgRole") String role,
    UUID issuedBy,
    Instant createdAt,
    @Schema(nullable = true) Instant lastUsedAt) {}
