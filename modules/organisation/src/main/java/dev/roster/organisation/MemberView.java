package dev.roster.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member of an organisation as the API shows it.
 *
 * @param id the member id (distinct from the account id)
 * @param accountId the global account
 * @param name the member's name
 * @param email the member's email
 * @param role the org role
 * @param status active, suspended or removed
 * @param teams the teams the member belongs to, with their team role
 * @param joinedAt when the member joined
 * @param joinedVia how: provisioning (first admin), attached (by a platform admin), invitation,
 *     domain (a verified email domain) or directory (SCIM)
 * @param lastActiveAt the member's last activity in the organisation, or null
 * @param self whether this is the caller's own membership
 * @param twoFactor whether the member's account signs in with a second factor
 * @param firstName the first name this organisation shows, or null
 * @param lastName the last name this organisation shows, or null
 * @param subscriber whether the member holds a subscriber seat
 * @param subscriberAdmin whether the member may give and take subscriber seats
 * @param attributes the member's attribute values the caller may read, by field key
 */
public record MemberView(
    UUID id,
    UUID accountId,
    String name,
    String email,
    @Schema(ref = "OrgRole") String role,
    @Schema(enumeration = {"active", "inactive", "suspended", "removed"}) String status,
    List<TeamRef> teams,
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
    Map<String, Object> attributes) {

  /**
   * A team a member belongs to.
   *
   * @param id the team id
   * @param name the team name
   * @param role the member's role in the team
   */
  public record TeamRef(UUID id, String name, @Schema(ref = "TeamRole") String role) {}
}
