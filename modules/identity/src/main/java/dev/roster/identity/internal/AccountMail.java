package dev.roster.identity.internal;

import static dev.roster.kernel.Html.escape;

import dev.roster.kernel.OutgoingMail;
import java.util.List;

/** The emails about an account's own security, in plain text and HTML. */
final class AccountMail {

  private AccountMail() {}

  /** A short email: paragraphs, then an optional link with its label. */
  static OutgoingMail of(
      String to, String subject, List<String> paragraphs, String linkLabel, String link) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
    for (String paragraph : paragraphs) {
      text.append(paragraph).append("\n\n");
      html.append("<p>").append(escape(paragraph)).append("</p>");
    }
    if (link != null) {
      text.append(linkLabel).append(": ").append(link).append('\n');
      html.append("<p><a href=\"")
          .append(escape(link))
          .append("\">")
          .append(escape(linkLabel))
          .append("</a></p>");
    }
    html.append("</body></html>");
    return new OutgoingMail(to, subject, text.toString(), html.toString());
  }
}
