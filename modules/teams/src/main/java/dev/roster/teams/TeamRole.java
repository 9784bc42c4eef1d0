package dev.roster.teams;

import dev.roster.kernel.Problems;
import java.util.Arrays;
import java.util.Locale;

/**
 * A role inside one team, ranked from most to least powerful; separate from the org role. Written
 * in lower case on the wire.
 */
public enum TeamRole {
  /** Everything, including transferring ownership and deactivating the team. Exactly one. */
  OWNER,
  /** Manages members and roles, shared content and the team's settings. */
  ADMIN,
  /** Manages shared content and conversations. */
  MODERATOR,
  /** Uses the team's content. */
  MEMBER,
  /** Reads the team's content. */
  VIEWER;

  /** The wire name, such as {@code moderator}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role ranks strictly above {@code other}. */
  public boolean outranks(TeamRole other) {
    return ordinal() < other.ordinal();
  }

  /** Whether this role ranks at least as high as {@code other}. */
  public boolean atLeast(TeamRole other) {
    return ordinal() <= other.ordinal();
  }

  /** Reads a wire name; a 400 problem on {@code field} when it is none of the roles. */
  public static TeamRole parse(String value, String field) {
    return Arrays.stream(values())
        .filter(r -> r.wire().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                Problems.invalidField(
                    field, "must be one of owner, admin, moderator, member, viewer"));
  }
}
