package dev.roster.app.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published document {@code openapi/roster.yaml} is exactly what the server generates from the
 * code. Run the build with {@code -Droster.openapi.write=true} to rewrite it after an API change.
 */
class OpenApiDocumentIT {

  @Test
  void publishedDocumentEqualsServedDocument() throws IOException {
    String served =
        given()
            .baseUri(Api.BASE)
            .accept("application/yaml")
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path published = Path.of(System.getProperty("roster.openapi", "../../openapi/roster.yaml"));
    if (Boolean.getBoolean("roster.openapi.write")) {
      Files.writeString(published, served, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(published, StandardCharsets.UTF_8).strip(),
        served.strip(),
        "openapi/roster.yaml differs from GET /openapi: rebuild with -Droster.openapi.write=true and review the diff");
  }

  @Test
  void aClientAskingForJsonGetsJson() {
    for (var request :
        List.of(
            given().baseUri(Api.BASE).accept("application/json"),
            given().baseUri(Api.BASE).queryParam("format", "json"))) {
      request
          .get("/openapi")
          .then()
          .statusCode(200)
          .contentType(startsWith("application/json"))
          .body("openapi", startsWith("3.1"))
          .body("paths", hasKey("/api/v1/orgs/{org}/members"));
    }
  }
}
