package dev.roster.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every webhook message: one change in one organisation. Signed as sent, per the
 * Standard Webhooks specification (headers {@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}).
 *
 * @param id the event id, also the {@code webhook-id} header: the same on every attempt and
 *     redelivery, so a receiver can drop repeats
 * @param type what happened, such as {@code member.role_changed}
 * @param timestamp when it happened
 * @param organisation where
 * @param actor who did it, and how they were signed in
 * @param target what it was done to
 * @param data the values before and after the change
 * @param member the member, as they stand after the change, when the event is about one (its
 *     target, or the member of a team or invitation event); else null
 */
@Schema(name = "WebhookEvent", description = "The body of every webhook message.")
public record WebhookEvent(
    UUID id,
    String type,
    Instant timestamp,
    Organisation organisation,
    Actor actor,
    Target target,
    Changes data,
    @Schema(nullable = true) Member member) {

  /**
   * The organisation.
   *
   * @param id its id
   * @param slug its slug, as in its URLs
   */
  @Schema(name = "WebhookOrganisation")
  public record Organisation(UUID id, String slug) {}

  /**
   * Who made the change.
   *
   * @param via how: {@code password} (signed in to Roster), {@code provider} (the identity
   *     provider's sign-in), {@code api-key} (a personal API key), {@code directory} (directory
   *     sync), or {@code system} (Roster itself, such as an invitation running out)
   * @param accountId their account, or null for the system
   * @param memberId their membership in this organisation, or null (the system, a platform admin
   *     who is not a member)
   * @param apiKeyId the API key used, or null
   * @param platformAdmin whether they acted as a platform admin
   */
  @Schema(name = "WebhookActor")
  public record Actor(
      @Schema(enumeration = {"password", "provider", "api-key", "directory", "system"}) String via,
      @Schema(nullable = true) UUID accountId,
      @Schema(nullable = true) UUID memberId,
      @Schema(nullable = true) UUID apiKeyId,
      boolean platformAdmin) {}

  /**
   * What the change was made to.
   *
   * @param type the kind, such as {@code member}, {@code team} or {@code invitation}
   * @param id its id
   */
  @Schema(name = "WebhookTarget")
  public record Target(String type, String id) {}

  /**
   * The values the change replaced and those in force after it, by field name; each event type's
   * description names its fields.
   *
   * @param before the values before (empty when the change created the thing or says nothing of
   *     them)
   * @param after the values after
   */
  @Schema(name = "WebhookChanges")
  public record Changes(Map<String, Object> before, Map<String, Object> after) {}

  /**
   * A member as they stand after the change.
   *
   * @param id the member id
   * @param accountId their account
   * @param email their email
   * @param role the key of their role
   * @param status active, suspended or removed
   * @param joinedVia how they joined: provisioning, attached, invitation, domain or directory
   */
  @Schema(name = "WebhookMember")
  public record Member(
      UUID id,
      UUID accountId,
      String email,
      String role,
      @Schema(enumeration = {"active", "suspended", "removed"}) String status,
      @Schema(enumeration = {"provisioning", "attached", "invitation", "domain", "directory"})
          String joinedVia) {}
}
