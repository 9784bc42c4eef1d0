package dev.roster.invitations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invitation to send. Only the email is required.
 *
 * @param email who is invited
 * @param role the org role they join with, a key of the catalogue: member when absent (the lowest
 *     role when the catalogue has no member), at most the inviter's own rank
 * @param teams teams they join, each with a team role
 * @param projects projects (content of kind project, the inviter's or any with content.manage) the
 *     invitee is assigned to
 * @param message a personal note in the email, plain text
 * @param expiresInDays how long the link works: 7 days when absent, at most 30
 */
public record NewInvitation(
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 30)
        @Schema(
            ref = "OrgRole",
            extensions = @Extension(name = "x-nullable", value = "true", parseValue = true))
        String role,
    @Size(max = 20) List<@NotNull @Valid TeamGrant> teams,
    @Size(max = 20) List<@NotNull UUID> projects,
    @Size(max = 2000) String message,
    @Min(1) @Max(30) Integer expiresInDays) {}
