package dev.roster.content.internal;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import dev.roster.organisation.Permission;
import dev.roster.organisation.spi.AccessVerdict;
import dev.roster.organisation.spi.ContentQuestions;
import dev.roster.teams.TeamAccess;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The content rules of {@link ContentsService}, asked about any member rather than enforced on the
 * caller: who sees an item ({@code visible}) and who edits it ({@code requireEditor}, after seeing
 * it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContentAnswers implements ContentQuestions {

  static final String VIEW = "content.view";
  static final String EDIT = "content.edit";

  @Inject ContentStore store;
  @Inject TeamAccess teams;

  @Override
  public List<String> permissions() {
    return List.of(VIEW, EDIT);
  }

  @Override
  public AccessVerdict answer(
      MemberId member, Set<Permission> held, UUID itemId, String permission) {
    Optional<ContentItem> found = store.byId(itemId);
    if (found.isEmpty()) {
      return new AccessVerdict(false, "no-such-content");
    }
    ContentItem item = found.get();
    if (member.value().equals(item.ownerId())) {
      return new AccessVerdict(true, "owner");
    }
    Optional<TeamRole> teamRole =
        item.teamItem() ? teams.roleIn(TeamId.of(item.teamId()), member) : Optional.empty();
    boolean manages = held.contains(Permission.CONTENT_MANAGE);
    if (permission.equals(EDIT)) {
      if (teamRole.filter(r -> r.atLeast(TeamRole.MODERATOR)).isPresent()) {
        return new AccessVerdict(true, "team-role");
      }
      return manages
          ? new AccessVerdict(true, "org-permission")
          : new AccessVerdict(false, "no-access");
    }
    if (manages || (item.shared() && held.contains(Permission.CONTENT_VIEW_SHARED))) {
      return new AccessVerdict(true, "org-permission");
    }
    if (teamRole.isPresent()) {
      return new AccessVerdict(true, "team-role");
    }
    return store.isCollaborator(item.id(), member.value())
        ? new AccessVerdict(true, "collaborator")
        : new AccessVerdict(false, "no-access");
  }
}
