package dev.roster.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and the cursor of the next page, null on the last page.
 *
 * @param items the items of this page
 * @param next the cursor to pass for the next page, or null
 */
public record Page<T>(List<T> items, String next) {

  /** The same page with each item mapped. */
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}
