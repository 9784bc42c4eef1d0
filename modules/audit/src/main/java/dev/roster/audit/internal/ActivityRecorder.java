package dev.roster.audit.internal;

import dev.roster.identity.AccountSignedIn;
import dev.roster.kernel.TenantData;
import dev.roster.kernel.TenantEvent;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what Roster sees into member activity: sign-ins (in every organisation of the account),
 * content created and edited (for the member who did it), and membership changes (for the member
 * they concern).
 */
@ApplicationScoped
class ActivityRecorder {

  @Inject ActivityService activity;
  @Inject OrgAccess access;
  @Inject Organisations organisations;
  @Inject TenantData data;
  @Inject Clock clock;

  // Synchronous, in the change's transaction: the activity exists exactly when the change does.
  void onChange(@Observes TenantEvent event) {
    Instant now = clock.instant();
    String action = event.action();
    if (action.equals("content.created") || action.equals("content.edited")) {
      access
          .membership()
          .map(Membership::memberId)
          .ifPresent(
              member ->
                  activity.record(
                      member.value(),
                      action,
                      now,
                      "roster",
                      null,
                      Map.of("contentId", event.targetId())));
    } else if (action.startsWith("member.") && "member".equals(event.targetType())) {
      activity.record(
          UUID.fromString(event.targetId()), action, now, "roster", null, event.changes());
    }
  }

  // Synchronous, in the login's transaction. A sign-in belongs to no organisation, so it is
  // written into each of the account's organisations; their schema is named in the statement,
  // since one transaction cannot bind several tenants.
  void onSignIn(@Observes AccountSignedIn signedIn) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    String detail = ActivityService.JSON.toJson(Map.of("method", signedIn.method()));
    for (Organisations.Place place : organisations.placesOf(signedIn.accountId())) {
      data.platform()
          .createNativeQuery(
              "insert into "
                  + place.tenant().schema()
                  + ".activity (id, member_id, type, occurred_at, recorded_at, source, detail)"
                  + " values (?, ?, 'account.signed_in', ?, ?, 'roster', cast(? as jsonb))")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, place.memberId().value())
          .setParameter(3, now)
          .setParameter(4, now)
          .setParameter(5, detail)
          .executeUpdate();
    }
  }
}
