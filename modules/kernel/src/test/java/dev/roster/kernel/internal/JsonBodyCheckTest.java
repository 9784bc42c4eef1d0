package dev.roster.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.kernel.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

  private static ProblemException refused(String json) {
    return assertThrows(
        ProblemException.class, () -> JsonBodyCheck.check(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aNulCharacterIsRefusedNamingItsField() {
    assertEquals("name", refused("{\"name\":\"a\\u0000b\"}").problem().errors().get(0).field());
    assertEquals(
        "teams[1].role",
        refused("{\"email\":\"x\",\"teams\":[{\"role\":\"a\"},{\"role\":\"\\u0000\"}]}")
            .problem()
            .errors()
            .get(0)
            .field());
    assertEquals("[2]", refused("[\"a\",\"b\",\"\\u0000\"]").problem().errors().get(0).field());
    assertEquals("body", refused("\"\\u0000\"").problem().errors().get(0).field());
  }

  @Test
  void deepNestingIsRefusedBeforeBinding() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    assertEquals("https://roster.dev/problems/bad-request", refused(deep).problem().type());
    assertDoesNotThrow(() -> JsonBodyCheck.check("{\"a\":{\"b\":[1,{\"c\":\"d\"}]}}".getBytes()));
  }

  @Test
  void somethingThatIsNotJsonIsLeftToTheBinder() {
    assertDoesNotThrow(() -> JsonBodyCheck.check("{not json".getBytes()));
  }
}
