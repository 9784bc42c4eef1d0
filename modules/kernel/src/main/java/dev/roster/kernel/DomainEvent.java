package dev.roster.kernel;

import java.util.Map;

/**
 * A change that happened, fired as a CDI event by the module that owns it. Events are immutable
 * records carrying ids and values, never managed entities. The audit module records every one in
 * the same transaction as the change.
 */
public interface DomainEvent {

  /** A stable, dotted name of what happened, such as {@code member.joined}. */
  String action();

  /** The kind of thing the change was made to, such as {@code member}. */
  String targetType();

  /** The id of the thing the change was made to. */
  String targetId();

  /** The values the change set, by field name; never null. */
  Map<String, Object> changes();
}
