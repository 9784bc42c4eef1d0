package dev.roster.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A request for one page of a keyset-paged list: how many items and after which key. The cursor is
 * opaque to clients; it encodes the sort key of the last item of the previous page.
 */
public record PageRequest(int limit, Optional<String> after) {

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 50;

  /** Largest page size. */
  public static final int MAX_LIMIT = 200;

  /**
   * Reads the {@code limit} and {@code cursor} query parameters; a 400 problem when either is
   * invalid.
   */
  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw Problems.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (cursor == null || cursor.isEmpty()) {
      return new PageRequest(size, Optional.empty());
    }
    try {
      // strictly UTF-8 and no control characters: a key this API wrote, never bytes that the
      // database would refuse or read as something else
      String key =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
              .toString();
      if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("not a key");
      }
      return new PageRequest(size, Optional.of(key));
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      throw Problems.invalidField("cursor", "is not a cursor this API returned");
    }
  }

  /**
   * The key of the last item of the previous page, for lists sorted by a value and then an id: the
   * form that {@link #keyset(UUID, String)} writes. A 400 problem for a key of another form.
   */
  public Optional<Keyset> afterKeyset() {
    return after.map(
        key -> {
          if (key.length() < 37 || key.charAt(36) != '|') {
            throw Problems.invalidField("cursor", "is not a cursor this API returned");
          }
          try {
            return new Keyset(UUID.fromString(key.substring(0, 36)), key.substring(37));
          } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", "is not a cursor this API returned");
          }
        });
  }

  /** The cursor key of an item sorted by {@code value} and then {@code id}. */
  public static String keyset(UUID id, String value) {
    return id + "|" + value;
  }

  /**
   * The sort key of the last item of the previous page.
   *
   * @param id the item's id, the tie-breaker
   * @param value the sort value, as text
   */
  public record Keyset(UUID id, String value) {

    /** The value read by {@code parse}; a 400 problem when it cannot be read. */
    public <T> T value(java.util.function.Function<String, T> parse) {
      try {
        return parse.apply(value);
      } catch (RuntimeException e) {
        throw Problems.invalidField("cursor", "is not a cursor this API returned");
      }
    }
  }

  /**
   * Makes the page from up to {@code limit + 1} fetched items: the extra item, when present, only
   * says that a next page exists.
   */
  public <T> Page<T> page(List<T> fetched, java.util.function.Function<T, String> keyOf) {
    if (fetched.size() <= limit) {
      return new Page<>(List.copyOf(fetched), null);
    }
    List<T> items = List.copyOf(fetched.subList(0, limit));
    String key = keyOf.apply(items.get(items.size() - 1));
    String next =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(key.getBytes(StandardCharsets.UTF_8));
    return new Page<>(items, next);
  }
}
