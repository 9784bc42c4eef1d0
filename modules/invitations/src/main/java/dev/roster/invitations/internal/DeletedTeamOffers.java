package dev.roster.invitations.internal;

import dev.roster.kernel.TenantData;
import dev.roster.teams.TeamDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Invitations stop offering a team once it is deleted; the rest of each offer stands. */
@ApplicationScoped
class DeletedTeamOffers {

  @Inject TenantData data;

  // Synchronously, inside the deletion's transaction: no offer names a team that is gone.
  void deleted(@Observes TeamDeleted deleted) {
    data.entityManager()
        .createNativeQuery(
            "update invitation set teams = coalesce((select jsonb_agg(g) from"
                + " jsonb_array_elements(teams) g where g->>'teamId' <> ?), '[]'::jsonb)"
                + " where teams @> jsonb_build_array(jsonb_build_object('teamId', cast(? as text)))")
        .setParameter(1, deleted.teamId().value().toString())
        .setParameter(2, deleted.teamId().value().toString())
        .executeUpdate();
  }
}
