package dev.roster.organisation.spi;

import dev.roster.kernel.MemberId;

/**
 * What the content module tells the member view: how much a member owns. Implemented by the content
 * module.
 */
public interface MemberContent {

  /** The number of content items {@code member} owns. */
  long ownedBy(MemberId member);
}
