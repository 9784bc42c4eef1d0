package dev.roster.console;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time console link: the first visit signs the member in to the console of the organisation.
 * The secret is in the URL's fragment, which browsers never send to a server, so it reaches no
 * access log or referrer.
 *
 * @param url the link to send the member to
 * @param memberId the member it signs in
 * @param expiresAt when it stops working unused
 */
public record ConsoleLink(String url, UUID memberId, Instant expiresAt) {

  @Override
  public String toString() {
    return "ConsoleLink[memberId=" + memberId + ", expiresAt=" + expiresAt + "]";
  }
}
