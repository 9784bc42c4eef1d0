package dev.roster.invitations.internal;

import static dev.roster.kernel.Html.escape;

import dev.roster.kernel.OutgoingMail;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The invitation email, in plain text and HTML. */
final class InvitationMail {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private InvitationMail() {}

  /**
   * The invitation email; {@code roleName} is the display name of the offered role in the
   * organisation's catalogue.
   */
  static OutgoingMail of(Invitation invitation, String roleName, String organisation, String link) {
    String subject = invitation.inviterName() + " invited you to " + organisation + " on Roster";
    String expires = WHEN.format(invitation.expiresAt());
    StringBuilder text =
        new StringBuilder()
            .append(invitation.inviterName())
            .append(" invited you to join ")
            .append(organisation)
            .append(" with the role ")
            .append(roleName)
            .append(".\n\n");
    if (invitation.message() != null) {
      text.append(invitation.inviterName()).append(" writes:\n\n");
      invitation.message().lines().forEach(line -> text.append("  ").append(line).append('\n'));
      text.append('\n');
    }
    text.append("Accept the invitation: ")
        .append(link)
        .append("\n\nThe link works once and until ")
        .append(expires)
        .append(".\nIf you did not expect this, ignore this email.\n");
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><body>")
            .append("<p>")
            .append(escape(invitation.inviterName()))
            .append(" invited you to join <strong>")
            .append(escape(organisation))
            .append("</strong> with the role ")
            .append(escape(roleName))
            .append(".</p>");
    if (invitation.message() != null) {
      html.append("<blockquote>")
          .append(escape(invitation.message()).replace("\n", "<br>"))
          .append("</blockquote>");
    }
    html.append("<p><a href=\"")
        .append(escape(link))
        .append("\">Accept the invitation</a></p><p>The link works once and until ")
        .append(escape(expires))
        .append(".</p></body></html>");
    return new OutgoingMail(invitation.email(), subject, text.toString(), html.toString());
  }

  /** The welcome email after accepting. */
  static OutgoingMail welcome(
      String to, String name, String organisation, String role, String link) {
    String subject = "Welcome to " + organisation;
    String text =
        "Hello "
            + name
            + ",\n\nyou are now a member of "
            + organisation
            + " with the role "
            + role
            + ".\n\nYour first steps are waiting: "
            + link
            + "\n";
    String html =
        "<!DOCTYPE html><html><body><p>Hello "
            + escape(name)
            + ",</p><p>you are now a member of <strong>"
            + escape(organisation)
            + "</strong> with the role "
            + escape(role)
            + ".</p><p><a href=\""
            + escape(link)
            + "\">Your first steps</a></p></body></html>";
    return new OutgoingMail(to, subject, text, html);
  }
}
