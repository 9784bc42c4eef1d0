package dev.roster.content.internal;

import dev.roster.kernel.TenantData;
import dev.roster.teams.TeamDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Content shared with a team that is deleted becomes private to its owner. */
@ApplicationScoped
class DeletedTeamShares {

  @Inject TenantData data;

  // Synchronously, inside the deletion's transaction, before the team's row goes (a foreign key
  // names it): nothing is shared with a team that no longer exists.
  void deleted(@Observes TeamDeleted deleted) {
    data.entityManager()
        .createNativeQuery(
            "update content_item set visibility = 'private', team_id = null where team_id = ?")
        .setParameter(1, deleted.teamId().value())
        .executeUpdate();
  }
}
