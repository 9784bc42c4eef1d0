package dev.roster.invitations;

import dev.roster.kernel.Problem;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of one entry of a list of invitations.
 *
 * @param index the entry's position in the request, from 0
 * @param email the entry's email
 * @param status the HTTP status it would have had alone: 201, or the problem's
 * @param invitation the invitation, when it was made
 * @param problem why it was not, otherwise
 */
public record InvitationOutcome(
    int index,
    @Schema(nullable = true) String email,
    int status,
    @Schema(nullable = true) InvitationView invitation,
    @Schema(
            ref = "Problem",
            extensions = @Extension(name = "x-nullable", value = "true", parseValue = true))
        Problem problem) {}
