package dev.roster.identity;

import dev.roster.kernel.DomainEvent;
import java.util.UUID;

/** A change to one account; its audit target is that account. */
public interface AccountEvent extends DomainEvent {

  /** The account changed. */
  UUID accountId();

  @Override
  default String targetType() {
    return "account";
  }

  @Override
  default String targetId() {
    return accountId().toString();
  }
}
