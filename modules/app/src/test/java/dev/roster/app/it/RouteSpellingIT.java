package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The tenant guard is a property of the matched route: every organisation operation of the served
 * document, under every spelling of its path that the container routes (matrix parameters, encoded
 * characters, dot segments, doubled slashes), shows nothing to a caller who is not a member: 404
 * problem+json, or 400 problem+json where the container refuses the spelling.
 */
class RouteSpellingIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyOrganisationOperationUnderEverySpellingIsHiddenFromNonMembers() throws Exception {
    Api.Org target = Api.newOrg();
    Api.Org other = Api.newOrg();
    String outsider = Api.token(Api.newAccount(), Api.PASSWORD);
    // the tokens work: the target's admin reads it under the plain spelling
    Api.as(target.adminToken()).get("/api/v1/orgs/" + target.slug()).then().statusCode(200);

    Map<String, Map<String, Map<String, Object>>> paths =
        Api.raw().get("/openapi?format=JSON").then().statusCode(200).extract().path("paths");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (var path : paths.entrySet()) {
      if (!path.getKey().startsWith("/api/v1/orgs/{org}")) {
        continue;
      }
      for (var operation : path.getValue().entrySet()) {
        String method = operation.getKey().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        String rest =
            path.getKey()
                .substring("/api/v1/orgs/{org}".length())
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String contentType = requestType(operation.getValue());
        for (UnaryOperator<String> spelling : spellings(target.slug(), rest)) {
          String spelled = spelling.apply(target.slug());
          for (String token : List.of(outsider, other.adminToken())) {
            HttpResponse<String> answer = send(method, spelled, contentType, token);
            checked++;
            String type = answer.headers().firstValue("Content-Type").orElse("");
            boolean hidden = answer.statusCode() == 404 || answer.statusCode() == 400;
            if (!hidden || !type.startsWith("application/problem+json")) {
              failures.add(
                  method
                      + " "
                      + spelled
                      + " -> "
                      + answer.statusCode()
                      + " "
                      + type
                      + " "
                      + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
          }
        }
      }
    }
    assertTrue(checked > 500, "checked only " + checked + " requests");
    assertTrue(failures.isEmpty(), failures.size() + " answers showed something:\n" + failures);
  }

  /** Spellings of one path that the container may route to the same resource. */
  private static List<UnaryOperator<String>> spellings(String slug, String rest) {
    String encodedFirst =
        String.format("%%%02X", (int) slug.charAt(0)) + slug.substring(1); // %6F for 'o'
    return List.of(
        s -> "/api/v1/orgs/" + s + rest,
        s -> "/api/v1/orgs;x=1/" + s + rest,
        s -> "/api/v1/orgs/" + s + ";x=1" + rest,
        s -> "/api;v=1/v1/orgs/" + s + rest,
        s -> "/api/v1/./orgs/" + s + rest,
        s -> "/api/v1/x/../orgs/" + s + rest,
        s -> "/api/v1//orgs/" + s + rest,
        s -> "/api/v1/orgs//" + s + rest,
        s -> "/api/v1/%6Frgs/" + s + rest,
        s -> "/api/v1/orgs/" + encodedFirst + rest,
        s -> "/api/v1/ORGS/" + s + rest);
  }

  @SuppressWarnings("unchecked")
  private static String requestType(Map<String, Object> operation) {
    Object body = operation.get("requestBody");
    if (body instanceof Map<?, ?> map && map.get("content") instanceof Map<?, ?> content) {
      return ((Map<String, Object>) content).keySet().iterator().next();
    }
    return null;
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String token)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.BASE + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token);
    if (contentType != null) {
      request.header("Content-Type", contentType);
      body =
          HttpRequest.BodyPublishers.ofString(
              contentType.contains("json") ? "{}" : contentType.contains("csv") ? "email\n" : "x");
    }
    return HTTP.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
  }
}
