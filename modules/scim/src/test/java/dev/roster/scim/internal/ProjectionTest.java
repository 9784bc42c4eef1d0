package dev.roster.scim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private static final String ENTERPRISE = ScimJson.ENTERPRISE;

  private static ObjectNode user() {
    return ScimJson.read(
        """
        {"schemas":["s"],"id":"1","userName":"a@b.example","name":{"givenName":"Ada","familyName":"L"},
         "emails":[{"value":"a@b.example","type":"work"}],"active":true,
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Maths"},
         "meta":{"version":"W/\\"1\\""}}
        """);
  }

  @Test
  void attributesKeepsTheNamedOnesWithIdAndSchemasInAnyCase() {
    ObjectNode kept = Projection.of("USERNAME,name.familyName,emails.value", null).apply(user());
    assertEquals("1", kept.path("id").asText());
    assertTrue(kept.has("schemas"));
    assertTrue(kept.has("userName"));
    assertEquals("L", kept.path("name").path("familyName").asText());
    assertFalse(kept.path("name").has("givenName"));
    assertEquals("a@b.example", kept.path("emails").get(0).path("value").asText());
    assertFalse(kept.path("emails").get(0).has("type"));
    assertFalse(kept.has("active"));
    assertFalse(kept.has("meta"));
  }

  @Test
  void anExtensionAttributeIsNamedWithItsUrn() {
    ObjectNode kept = Projection.of(ENTERPRISE + ":department", null).apply(user());
    assertEquals("Maths", kept.path(ENTERPRISE).path("department").asText());
    ObjectNode without = Projection.of(null, ENTERPRISE + ":department").apply(user());
    assertFalse(without.path(ENTERPRISE).has("department"));
  }

  @Test
  void excludedAttributesNeverRemovesIdOrSchemas() {
    ObjectNode left = Projection.of(null, "id,schemas,emails,name.givenName").apply(user());
    assertTrue(left.has("id"));
    assertTrue(left.has("schemas"));
    assertFalse(left.has("emails"));
    assertFalse(left.path("name").has("givenName"));
    assertTrue(left.path("name").has("familyName"));
  }
}
