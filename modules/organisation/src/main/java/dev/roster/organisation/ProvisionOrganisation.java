package dev.roster.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new organisation and its first admin.
 *
 * @param slug 1 to 63 lower-case letters, digits and inner hyphens; unique
 * @param name the display name
 * @param admin who becomes the first admin (their account is created when it does not exist)
 * @param roles the organisation's role catalogue, highest rank first or in any order; the default
 *     catalogue (admin, manager, member, viewer, guest) when left out. The first admin gets its top
 *     role, which must hold members.view, members.invite, members.manage, roles.assign and
 *     settings.manage.
 */
public record ProvisionOrganisation(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
            message =
                "must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen")
        String slug,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Valid FirstAdmin admin,
    @Size(min = 1, max = 50) @Schema(nullable = true) List<@NotNull @Valid NewRole> roles) {

  /**
   * The first admin of a new organisation.
   *
   * @param email their account's email
   * @param name their display name, used when the account is created
   */
  public record FirstAdmin(
      @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name) {}
}
