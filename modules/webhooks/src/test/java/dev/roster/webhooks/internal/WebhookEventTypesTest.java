package dev.roster.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.webhooks.WebhookEventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions and the types they match. */
class WebhookEventTypesTest {

  @Test
  void subscriptionsMatchTypesSubjectsOrAll() {
    assertTrue(WebhookEventTypes.matches(List.of("member.*"), "member.removed"));
    assertFalse(WebhookEventTypes.matches(List.of("member.*"), "team.created"));
    assertTrue(WebhookEventTypes.matches(List.of("team.created"), "team.created"));
    assertFalse(WebhookEventTypes.matches(List.of("team.created"), "team.updated"));
    assertTrue(WebhookEventTypes.matches(List.of("*"), "invitation.expired"));
    assertFalse(WebhookEventTypes.matches(List.of("*"), WebhookEventTypes.TEST));
    assertFalse(WebhookEventTypes.matches(List.of("member.*"), "membership.x"));
  }

  @Test
  void onlyKnownTypesAndSubjectsAreSubscriptions() {
    assertTrue(WebhookEventTypes.invalid("*").isEmpty());
    assertTrue(WebhookEventTypes.invalid("member.*").isEmpty());
    assertTrue(WebhookEventTypes.invalid("invitation.expired").isEmpty());
    assertTrue(WebhookEventTypes.invalid("nothing.*").isPresent());
    assertTrue(WebhookEventTypes.invalid("member.nothing").isPresent());
    assertTrue(WebhookEventTypes.invalid("member").isPresent());
    assertTrue(WebhookEventTypes.invalid("*.*").isPresent());
    assertTrue(WebhookEventTypes.invalid("").isPresent());
  }
}
