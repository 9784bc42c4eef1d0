package dev.roster.organisation;

import dev.roster.kernel.Problems;
import java.util.Arrays;
import java.util.Locale;

/** An organisation role, ranked from most to least powerful. Written in lower case on the wire. */
public enum OrgRole {
  ADMIN,
  MANAGER,
  MEMBER,
  VIEWER,
  GUEST;

  /** The wire name, such as {@code admin}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role ranks strictly above {@code other}. */
  public boolean outranks(OrgRole other) {
    return ordinal() < other.ordinal();
  }

  /** Reads a wire name; a 400 problem on {@code field} when it is none of the roles. */
  public static OrgRole parse(String value, String field) {
    return Arrays.stream(values())
        .filter(r -> r.wire().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                Problems.invalidField(
                    field, "must be one of admin, manager, member, viewer, guest"));
  }
}
