package dev.roster.organisation;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a member; each part left out (or null) stays as it is, and at least one is given.
 *
 * @param role a new org role, a key of the catalogue
 * @param subscriber whether the member holds a subscriber seat
 * @param subscriberAdmin whether the member may give and take subscriber seats
 * @param firstName the first name this organisation shows for the member (theirs elsewhere stays)
 * @param lastName the last name this organisation shows for the member
 */
public record MemberChange(
    @Size(max = 30)
        @Schema(
            ref = "OrgRole",
            extensions = @Extension(name = "x-nullable", value = "true", parseValue = true))
        String role,
    @Schema(nullable = true) Boolean subscriber,
    @Schema(nullable = true) Boolean subscriberAdmin,
    @Size(min = 1, max = 100) @Schema(nullable = true) String firstName,
    @Size(min = 1, max = 100) @Schema(nullable = true) String lastName) {}
