package dev.roster.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new organisation and its first admin.
 *
 * @param slug 1 to 63 lower-case letters, digits and inner hyphens; unique
 * @param name the display name
 * @param admin who becomes the first admin (their account is created when it does not exist)
 */
public record ProvisionOrganisation(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
            message =
                "must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen")
        String slug,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Valid FirstAdmin admin) {

  /**
   * The first admin of a new organisation.
   *
   * @param email their account's email
   * @param name their display name, used when the account is created
   */
  public record FirstAdmin(
      @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name) {}
}
