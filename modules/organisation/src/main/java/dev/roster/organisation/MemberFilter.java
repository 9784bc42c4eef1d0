package dev.roster.organisation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which members a directory page lists. Every part is optional; without a status, removed members
 * are left out.
 *
 * @param role only members with this org role
 * @param status only members in this state: active, inactive, suspended or removed
 * @param search a case-insensitive substring of the name or email
 * @param joinedFrom only members who joined at or after this time
 * @param joinedTo only members who joined before this time
 * @param team only members of this team
 * @param twoFactor only members whose account signs in with (true) or without (false) a second
 *     factor
 * @param subscriber only members holding (true) or not holding (false) a subscriber seat
 * @param attribute only members whose value of an attribute is this one
 */
public record MemberFilter(
    Optional<OrgRole> role,
    Optional<String> status,
    Optional<String> search,
    Optional<Instant> joinedFrom,
    Optional<Instant> joinedTo,
    Optional<UUID> team,
    Optional<Boolean> twoFactor,
    Optional<Boolean> subscriber,
    Optional<AttributeEquals> attribute) {

  /**
   * An attribute's value, as text: a string, date (YYYY-MM-DD), option, number or true/false.
   *
   * @param key the field
   * @param value the value
   */
  public record AttributeEquals(String key, String value) {}

  /** Members in {@code status} (or current ones), nothing else asked. */
  public static MemberFilter status(Optional<String> status) {
    return new MemberFilter(
        Optional.empty(),
        status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
