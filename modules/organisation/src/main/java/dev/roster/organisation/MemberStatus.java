package dev.roster.organisation;

import java.util.Locale;

/** The stored lifecycle state of a member. Written in lower case on the wire. */
public enum MemberStatus {
  ACTIVE,
  SUSPENDED,
  REMOVED;

  /** The wire name, such as {@code active}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
