package dev.roster.identity;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;

/** A change to one account; its audit target is that account. */
public interface AccountEvent extends DomainEvent {

  /** The account changed. */
  AccountId accountId();

  @Override
  default String targetType() {
    return "account";
  }

  @Override
  default String targetId() {
    return accountId().toString();
  }
}
