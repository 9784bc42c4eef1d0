package dev.roster.organisation;

import dev.roster.kernel.Problems;
import java.util.Arrays;
import java.util.Locale;

/** What happens to a removed member's content. */
public enum ContentOption {
  /** Everything they own goes to the admin who removes them. */
  TRANSFER_TO_ADMIN,
  /** Everything they own goes to a named member. */
  TRANSFER_TO_MEMBER,
  /** Everything they own becomes shared with the whole organisation, without an owner. */
  CONVERT_TO_SHARED,
  /**
   * What they own privately is deleted; what is shared with a team stays with the team's owner, and
   * what is shared with the organisation stays, without owner.
   */
  DELETE;

  /** The wire name, such as {@code transfer_to_member}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a wire name; a 400 problem on {@code field} otherwise. */
  public static ContentOption parse(String value, String field) {
    return Arrays.stream(values())
        .filter(o -> o.wire().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                Problems.invalidField(
                    field,
                    "must be one of transfer_to_admin, transfer_to_member, convert_to_shared, delete"));
  }
}
