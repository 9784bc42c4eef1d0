package dev.roster.organisation;

import dev.roster.organisation.spi.MemberActivity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One member in full: the directory entry's fields, what the member may do and why, and the
 * suspension in force.
 *
 * @param id the member id
 * @param accountId the global account
 * @param name the member's name
 * @param email the member's email
 * @param role the org role
 * @param status active, inactive, suspended or removed
 * @param teams the member's teams with their team role
 * @param joinedAt when the member joined
 * @param joinedVia how: provisioning, attached, invitation, domain or directory (SCIM)
 * @param lastActiveAt the member's last activity in the organisation, or null
 * @param self whether this is the caller's own membership
 * @param twoFactor whether the member's account signs in with a second factor
 * @param firstName the first name this organisation shows, or null
 * @param lastName the last name this organisation shows, or null
 * @param subscriber whether the member holds a subscriber seat
 * @param subscriberAdmin whether the member may give and take subscriber seats
 * @param attributes the member's attribute values the caller may read, by field key
 * @param permissions every permission of the catalogue, granted or not, with its source
 * @param suspension the suspension in force, or null
 * @param settings the settings in force for the member and where each comes from
 * @param ownedContent how many content items the member owns
 * @param recentActivity the newest things the member did or that were done to them, newest first
 */
public record MemberDetail(
    UUID id,
    UUID accountId,
    String name,
    String email,
    @Schema(ref = "OrgRole") String role,
    @Schema(enumeration = {"active", "inactive", "suspended", "removed"}) String status,
    List<MemberView.TeamRef> teams,
    Instant joinedAt,
    @Schema(enumeration = {"provisioning", "attached", "invitation", "domain", "directory"})
        String joinedVia,
    @Schema(nullable = true) Instant lastActiveAt,
    boolean self,
    boolean twoFactor,
    @Schema(nullable = true) String firstName,
    @Schema(nullable = true) String lastName,
    boolean subscriber,
    boolean subscriberAdmin,
    Map<String, Object> attributes,
    List<PermissionGrant> permissions,
    @Schema(nullable = true) Suspension suspension,
    EffectiveSettings settings,
    long ownedContent,
    List<MemberActivity.Entry> recentActivity) {

  /**
   * One permission of the catalogue for one member.
   *
   * @param name the permission, such as {@code members.manage}
   * @param granted whether the member holds it
   * @param source why: {@code role} (the org role's default) or {@code override}
   */
  public record PermissionGrant(
      @Schema(ref = "Permission") String name,
      boolean granted,
      @Schema(enumeration = {"role", "override"}) String source) {}

  /** The same detail with the suspension's internal note left out. */
  public MemberDetail withoutSuspensionReason() {
    return suspension == null
        ? this
        : new MemberDetail(
            id,
            accountId,
            name,
            email,
            role,
            status,
            teams,
            joinedAt,
            joinedVia,
            lastActiveAt,
            self,
            twoFactor,
            firstName,
            lastName,
            subscriber,
            subscriberAdmin,
            attributes,
            permissions,
            new Suspension(null, suspension.since(), suspension.until()),
            settings,
            ownedContent,
            recentActivity);
  }

  /**
   * A suspension in force.
   *
   * @param reason the internal note given when suspending; null for callers who may not read it
   *     (only the member, members.manage and audit.export may)
   * @param since when it began
   * @param until when it lifts itself, or null for never
   */
  public record Suspension(
      @Schema(nullable = true) String reason,
      Instant since,
      @Schema(nullable = true) Instant until) {}
}
