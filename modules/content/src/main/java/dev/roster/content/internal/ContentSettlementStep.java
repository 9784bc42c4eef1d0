package dev.roster.content.internal;

import dev.roster.kernel.TeamId;
import dev.roster.organisation.spi.ContentSettlement;
import dev.roster.organisation.spi.Removal;
import dev.roster.teams.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a removal's content option to everything the removed member owns, item by item as {@link
 * Settlement} decides, and takes them off the items assigned to them ({@link ContentSettlement}).
 * The teams step has run before, so a team's owner is already the new one. Inside the removal's
 * transaction: if this fails, the member is not removed either.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContentSettlementStep implements ContentSettlement {

  @Inject ContentStore store;
  @Inject TeamAccess teams;
  @Inject Clock clock;

  @Override
  public Result settle(Removal removed) {
    Instant now = clock.instant();
    int moved = 0;
    int converted = 0;
    int deleted = 0;
    for (ContentItem item : store.ownedBy(removed.memberId().value())) {
      switch (Settlement.of(
          item.teamItem(), item.shared(), removed.option(), removed.receiver() != null)) {
        case TO_TEAM_OWNER -> {
          item.giveTo(teams.ownerOf(TeamId.of(item.teamId())).orElseThrow().value(), now);
          moved++;
        }
        case TO_RECEIVER -> {
          item.giveTo(removed.receiver().value(), now);
          moved++;
        }
        case TO_ORGANISATION -> {
          item.shareWithOrganisation(now);
          converted++;
        }
        case DELETED -> {
          store.delete(item);
          deleted++;
        }
      }
    }
    store.dropCollaborator(removed.memberId().value());
    return new Result(moved, converted, deleted);
  }
}
