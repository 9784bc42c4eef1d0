package dev.roster.content.internal;

import dev.roster.organisation.MemberRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a removal's content option to everything the removed member owns, and takes them off the
 * items assigned to them. Synchronous, inside the removal's transaction: if this fails, the member
 * is not removed either.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RemovalReaction {

  @Inject ContentStore store;
  @Inject Clock clock;

  void onRemoval(@Observes MemberRemoved removed) {
    Instant now = clock.instant();
    int moved = 0;
    int converted = 0;
    int deleted = 0;
    for (ContentItem item : store.ownedBy(removed.memberId())) {
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
    removed.tally().add("contentMoved", moved);
    removed.tally().add("contentConverted", converted);
    removed.tally().add("contentDeleted", deleted);
  }
}
