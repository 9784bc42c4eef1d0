package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToFiftyFromTheStart() {
    PageRequest request = PageRequest.of(null, null);
    assertEquals(50, request.limit());
    assertEquals(Optional.empty(), request.after());
  }

  @Test
  void limitOutsideOneTo200IsAValidationProblem() {
    for (int limit : new int[] {0, -1, 201}) {
      ProblemException problem =
          assertThrows(ProblemException.class, () -> PageRequest.of(limit, null));
      assertEquals(400, problem.problem().status());
      assertEquals("limit", problem.problem().errors().get(0).field());
    }
  }

  @Test
  void aPageWithMoreItemsThanTheLimitHasANextCursorThatResumesAfterTheLastItem() {
    PageRequest first = PageRequest.of(2, null);
    Page<String> page = first.page(List.of("a", "b", "c"), Function.identity());
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(Optional.of("b"), PageRequest.of(2, page.next()).after());
  }

  @Test
  void theLastPageHasNoCursor() {
    assertNull(PageRequest.of(2, null).page(List.of("a", "b"), Function.identity()).next());
  }

  @Test
  void aCursorThatIsNotOneOfOursIsAValidationProblem() {
    ProblemException problem =
        assertThrows(ProblemException.class, () -> PageRequest.of(10, "%%%"));
    assertEquals("cursor", problem.problem().errors().get(0).field());
    // base64 of bytes that are not UTF-8, or of a key with a NUL: refused before any query
    for (byte[] key : new byte[][] {{(byte) 0xff, (byte) 0xfe, 'a'}, {'a', 0, 'b'}}) {
      String garbage = java.util.Base64.getUrlEncoder().encodeToString(key);
      assertEquals(
          "cursor",
          assertThrows(ProblemException.class, () -> PageRequest.of(10, garbage))
              .problem()
              .errors()
              .get(0)
              .field());
    }
  }

  @Test
  void aKeysetCursorReadsBackItsIdAndValue() {
    java.util.UUID id = java.util.UUID.randomUUID();
    String key = PageRequest.keyset(id, "ada|lovelace");
    String cursor =
        java.util.Base64.getUrlEncoder()
            .encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    PageRequest.Keyset keyset = PageRequest.of(10, cursor).afterKeyset().orElseThrow();
    assertEquals(id, keyset.id());
    assertEquals("ada|lovelace", keyset.value());
    ProblemException unreadable =
        assertThrows(ProblemException.class, () -> keyset.value(java.time.Instant::parse));
    assertEquals("cursor", unreadable.problem().errors().get(0).field());
  }

  @Test
  void aCursorOfAnotherShapeIsAValidationProblem() {
    String cursor = java.util.Base64.getUrlEncoder().encodeToString("not-a-key".getBytes());
    ProblemException problem =
        assertThrows(ProblemException.class, () -> PageRequest.of(10, cursor).afterKeyset());
    assertEquals("cursor", problem.problem().errors().get(0).field());
  }
}
