package dev.roster.scim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ScimPatchesTest {

  private static ObjectNode user() {
    return ScimJson.read(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"a@b.example",
         "name":{"givenName":"Ada","familyName":"Lovelace"},"active":true,
         "emails":[{"value":"a@b.example","type":"work","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{}}
        """);
  }

  private static ObjectNode patch(String operations) {
    return ScimJson.read(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
            + operations
            + "}");
  }

  private static ObjectNode apply(String operations) {
    return ScimPatches.apply(ScimPatches.read(patch(operations)), user());
  }

  @Test
  void oktasStringBooleanWithoutAPathDeactivates() {
    ObjectNode patched = apply("[{\"op\":\"replace\",\"value\":{\"active\":\"False\"}}]");
    assertTrue(patched.get("active").isBoolean());
    assertFalse(patched.get("active").booleanValue());
  }

  @Test
  void entrasCapitalisedOperationOnThePathActive() {
    ObjectNode patched = apply("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
    assertFalse(patched.get("active").booleanValue());
  }

  @Test
  void entrasDottedKeysWithoutAPathBecomeOperationsWithPaths() {
    ObjectNode patched =
        apply(
            "[{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Augusta\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\":\"Maths\","
                + "\"title\":\"Countess\"}}]");
    assertEquals("Augusta", patched.path("name").path("givenName").asText());
    assertEquals("Lovelace", patched.path("name").path("familyName").asText());
    assertEquals(
        "Maths",
        patched
            .path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
            .path("department")
            .asText());
    assertEquals("Countess", patched.path("title").asText());
  }

  @Test
  void aValueFilterPathReplacesTheMatchingValueOnly() {
    ObjectNode patched =
        apply(
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"c@d.example\"}]");
    assertEquals("c@d.example", patched.path("emails").get(0).path("value").asText());
    assertTrue(patched.path("emails").get(0).path("primary").booleanValue());
  }

  @Test
  void entrasMemberRemovalByValueListRemovesThoseMembersOnly() {
    ObjectNode group =
        ScimJson.read(
            "{\"id\":\"g\",\"displayName\":\"G\",\"members\":[{\"value\":\"a\"},{\"value\":\"b\"},{\"value\":\"c\"}]}");
    ObjectNode patched =
        ScimPatches.apply(
            ScimPatches.read(
                patch(
                    "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"value\":\"c\"}]}]")),
            group);
    assertEquals(1, patched.path("members").size());
    assertEquals("b", patched.path("members").get(0).path("value").asText());
  }

  @Test
  void refusalsNameTheirScimType() {
    assertEquals(
        "invalidPath",
        assertThrows(
                ScimError.class,
                () -> apply("[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]"))
            .scimType());
    assertEquals(
        "invalidSyntax",
        assertThrows(ScimError.class, () -> apply("[{\"op\":\"merge\",\"value\":{}}]")).scimType());
    assertEquals(
        "invalidSyntax",
        assertThrows(
                ScimError.class,
                () -> ScimPatches.read(ScimJson.read("{\"Operations\":[{\"op\":\"add\"}]}")))
            .scimType());
    assertEquals(
        "invalidValue",
        assertThrows(
                ScimError.class,
                () -> apply("[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]"))
            .scimType());
    assertEquals(
        "invalidValue",
        assertThrows(ScimError.class, () -> ScimJson.read("{\"userName\":\"a\\u0000b\"}"))
            .scimType());
    assertEquals(
        "invalidSyntax",
        assertThrows(ScimError.class, () -> ScimJson.read("[".repeat(1000) + "]".repeat(1000)))
            .scimType());
  }
}
