package dev.roster.webhooks.internal;

import dev.roster.organisation.MemberState;
import dev.roster.webhooks.WebhookEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** Message bodies: JSON with every property written, null ones included. */
final class Payloads {

  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  private Payloads() {}

  static String json(WebhookEvent event) {
    return JSON.toJson(event);
  }

  static WebhookEvent.Member member(MemberState state) {
    return new WebhookEvent.Member(
        state.id().value(),
        state.accountId().value(),
        state.email(),
        state.role(),
        state.status(),
        state.joinedVia());
  }
}
