package dev.roster.content.internal;

import dev.roster.organisation.spi.ContentSettlement;
import dev.roster.organisation.spi.Removal;
import dev.roster.teams.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a removal's content option to everything the removed member owns, and takes them off the
 * items assigned to them ({@link ContentSettlement}). Content shared with a team is already shared:
 * unless it goes to a named receiver, it stays with its team and passes to the team's owner (the
 * teams step has run before, so that owner is the new one). Inside the removal's transaction: if
 * this fails, the member is not removed either.
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
    for (ContentItem item : store.ownedBy(removed.memberId())) {
      if (item.teamItem() && removed.receiver() == null) {
        // already shared with a team: it stays there, with the team's (new) owner
        item.giveTo(teams.ownerOf(item.teamId()).orElseThrow(), now);
        moved++;
        continue;
      }
      switch (removed.option()) {
        case TRANSFER_TO_ADMIN, TRANSFER_TO_MEMBER -> {
          item.giveTo(removed.receiver(), now);
          moved++;
        }
        case CONVERT_TO_SHARED -> {
          item.shareWithOrganisation(now);
          converted++;
        }
        case DELETE -> {
          // shared content is never deleted by a removal: it stays, without an owner
          if (item.shared()) {
            item.shareWithOrganisation(now);
            converted++;
          } else {
            store.delete(item);
            deleted++;
          }
        }
      }
    }
    store.dropCollaborator(removed.memberId());
    return new Result(moved, converted, deleted);
  }
}
