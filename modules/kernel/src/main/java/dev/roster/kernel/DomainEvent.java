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

  /**
   * The values the change replaced, by field name, for those who learn of it (webhooks): the {@code
   * before} part of {@link #changes()} when it has one, else nothing. Events whose changes say it
   * otherwise ({@code from}, {@code to}) override this and {@link #valuesAfter()}.
   */
  @SuppressWarnings("unchecked")
  default Map<String, Object> valuesBefore() {
    return changes().get("before") instanceof Map<?, ?> before
        ? (Map<String, Object>) before
        : Map.of();
  }

  /**
   * The values in force after the change, by field name: the {@code after} part of {@link
   * #changes()} with what else it names, or all of it when it has no such part.
   */
  @SuppressWarnings("unchecked")
  default Map<String, Object> valuesAfter() {
    Map<String, Object> changes = changes();
    if (!changes.containsKey("after") && !changes.containsKey("before")) {
      return changes;
    }
    java.util.HashMap<String, Object> after = new java.util.HashMap<>();
    if (changes.get("after") instanceof Map<?, ?> values) {
      after.putAll((Map<String, Object>) values);
    }
    changes.forEach(
        (key, value) -> {
          if (!key.equals("before") && !key.equals("after")) {
            after.put(key, value);
          }
        });
    return after;
  }
}
