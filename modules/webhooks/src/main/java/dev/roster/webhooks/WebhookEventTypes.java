package dev.roster.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event types endpoints may subscribe to, and how a subscription matches them: a type, every
 * type of a subject ({@code member.*}) or all ({@code *}).
 */
public final class WebhookEventTypes {

  /** The type of the message that {@code POST webhooks/{id}/test} sends. */
  public static final String TEST = "webhook.test";

  /** Every type, with what it means and the fields of its {@code data}. */
  public static final List<WebhookEventType> ALL =
      List.of(
          type("member.joined", "Someone became a member. after: accountId, role, via."),
          type("member.role_changed", "A member's role changed. before and after: role."),
          type(
              "member.suspended",
              "A member was suspended. before: status; after: status, reason, until."),
          type("member.reactivated", "A suspended member is active again. before, after: status."),
          type(
              "member.removed",
              "A member was removed. after: status, content (what happened to their content),"
                  + " receiver, contentMoved, contentConverted, contentDeleted, teamsLeft,"
                  + " teamOwnershipMoves, apiKeysRevoked."),
          type("member.permissions_changed", "A member's permission overrides. after: overrides."),
          type("member.settings_changed", "A member's settings changed. after: the settings."),
          type(
              "member.seats_changed",
              "A member's seats. before, after: subscriber, subscriberAdmin."),
          type("member.names_changed", "A member's names. before, after: firstName, lastName."),
          type("member.attributes_changed", "A member's attributes. before, after: the values."),
          type("invitation.created", "Someone was invited. after: email, role, teams, expiresAt."),
          type("invitation.resent", "An invitation was sent again with a new link."),
          type("invitation.revoked", "An invitation was revoked."),
          type("invitation.accepted", "An invitation was accepted. after: memberId."),
          type("invitation.expired", "An invitation ran out unanswered."),
          type("team.created", "A team was made. after: name, colour, ownerId."),
          type("team.updated", "A team's name or description changed. after: name, description."),
          type("team.deactivated", "A team was deactivated."),
          type("team.reactivated", "A team was reactivated."),
          type("team.deleted", "A team was deleted. after: name, members."),
          type(
              "team.ownership_transferred",
              "A team has a new owner. before: ownerId; after: ownerId, reason."),
          type("team.member_added", "A member joined a team. after: teamId, memberId, role."),
          type("team.member_removed", "A member left a team. after: teamId, memberId, reason."),
          type(
              "team.member_role_changed",
              "A member's team role changed. before, after: teamId, role."),
          type("team.budget_set", "A team's budget was set. before, after: the budget."),
          type("team.budget_removed", "A team's budget was removed. before: the budget."),
          type("api_key.created", "A member made a personal API key."),
          type("api_key.revoked", "A personal API key was revoked. after: reason."),
          type("scim_token.created", "A SCIM token was issued. after: name, role."),
          type(
              "console_link.issued",
              "A platform admin issued a one-time console link for a member. after: expiresAt."),
          type(
              "organisation.branding_changed",
              "The accent colour or logo changed. after: accentColour, logo."),
          type("scim_token.revoked", "A SCIM token was revoked. after: name, role."),
          type(
              "scim.settings_changed",
              "The SCIM settings or a Group's org role changed. after: the values."),
          type("domain.added", "An email domain was claimed. after: domain, role."),
          type("domain.verified", "An email domain was verified. after: domain, role."),
          type("domain.role_changed", "An email domain's join role changed. after: domain, role."),
          type("domain.removed", "An email domain was removed. after: domain, role."),
          type("organisation.settings_changed", "The organisation's settings changed."),
          type(
              "role.created", "A role was added to the catalogue. after: name, rank, permissions."),
          type("role.changed", "A role changed. before, after: name, rank, permissions."),
          type(
              "role.deleted",
              "A role was deleted. before: name, rank, permissions; after: replacement."),
          type("attribute.created", "A member attribute field was defined."),
          type("attribute.deleted", "A member attribute field was deleted."),
          type("content.created", "A content item was made."),
          type("content.edited", "A content item changed."),
          type("content.reassigned", "A content item has a new owner. before, after: ownerId."),
          type("webhook.created", "A webhook endpoint was registered. after: url, events."),
          type("webhook.changed", "A webhook endpoint changed. after: url, events, enabled."),
          type("webhook.secret_rotated", "A webhook endpoint's signing secret was rotated."),
          type("webhook.deleted", "A webhook endpoint was deleted."),
          type(TEST, "A test message, sent on request to one endpoint."));

  private static final Pattern SUBJECT = Pattern.compile("[a-z_]+\\.\\*");

  private WebhookEventTypes() {}

  private static WebhookEventType type(String type, String description) {
    return new WebhookEventType(type, description);
  }

  /** Whether {@code type} is one endpoints may receive. */
  public static boolean known(String type) {
    return ALL.stream().anyMatch(t -> t.type().equals(type));
  }

  /**
   * Why {@code pattern} is not a subscription, if it is not one: {@code *}, a known subject with
   * {@code .*}, or a known type.
   */
  public static Optional<String> invalid(String pattern) {
    if (pattern.equals("*") || known(pattern)) {
      return Optional.empty();
    }
    if (SUBJECT.matcher(pattern).matches()) {
      String subject = pattern.substring(0, pattern.length() - 1);
      return ALL.stream().anyMatch(t -> t.type().startsWith(subject))
          ? Optional.empty()
          : Optional.of("names no subject with events: " + pattern);
    }
    return Optional.of("is not an event type, a subject's 'subject.*' or '*': " + pattern);
  }

  /** Whether an endpoint subscribed to {@code patterns} receives {@code type}. */
  public static boolean matches(List<String> patterns, String type) {
    for (String pattern : patterns) {
      if (pattern.equals("*") && !type.equals(TEST)
          || pattern.equals(type)
          || pattern.endsWith(".*")
              && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
