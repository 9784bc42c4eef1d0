package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict answer check refuses what the document does not allow, against the real document. */
class StrictBodiesTest {

  private static final StrictBodies CHECK = new StrictBodies(Path.of("../../openapi/roster.yaml"));

  private static final String TEAM_PATH =
      "/api/v1/orgs/acme/teams/2f1c4a3e-9d6b-4c1e-8a57-0b6d2e3f4a5b";

  private static String team(String myRole, String description) {
    return "{\"id\":\"2f1c4a3e-9d6b-4c1e-8a57-0b6d2e3f4a5b\",\"name\":\"Research\","
        + "\"description\":"
        + description
        + ",\"colour\":\"#336699\",\"status\":\"active\","
        + "\"ownerId\":\"5b0c7e1a-2d3f-4e5a-9b8c-7d6e5f4a3b2c\",\"memberCount\":1,"
        + "\"myRole\":"
        + myRole
        + ",\"createdAt\":\"2026-11-30T10:00:00Z\",\"deactivatedAt\":null}";
  }

  @Test
  void anAnswerAsDeclaredPasses() {
    assertEquals(
        List.of(),
        CHECK.check("GET", TEAM_PATH, 200, "application/json", team("\"owner\"", "null")));
    // a nullable reference to an enumeration takes null
    assertEquals(
        List.of(), CHECK.check("GET", TEAM_PATH, 200, "application/json", team("null", "\"x\"")));
  }

  @Test
  void aValueOutsideTheEnumerationFails() {
    assertTrue(
        !CHECK
            .check("GET", TEAM_PATH, 200, "application/json", team("\"captain\"", "null"))
            .isEmpty());
  }

  @Test
  void aNullWhereTheDocumentSaysNoneFails() {
    String noName = team("\"owner\"", "null").replace("\"Research\"", "null");
    assertTrue(!CHECK.check("GET", TEAM_PATH, 200, "application/json", noName).isEmpty());
  }

  @Test
  void aMissingPropertyFails() {
    String noColour = team("\"owner\"", "null").replace("\"colour\":\"#336699\",", "");
    List<String> errors = CHECK.check("GET", TEAM_PATH, 200, "application/json", noColour);
    assertTrue(errors.toString().contains("colour"), errors.toString());
  }

  @Test
  void aProblemNeedsItsTypeTitleStatusAndDetail() {
    assertEquals(
        List.of(),
        CHECK.check(
            "GET",
            TEAM_PATH,
            404,
            "application/problem+json",
            "{\"type\":\"https://roster.dev/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"No team here.\",\"errors\":[]}"));
    assertTrue(
        !CHECK
            .check(
                "GET",
                TEAM_PATH,
                404,
                "application/problem+json",
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No team here.\"}")
            .isEmpty());
  }
}
