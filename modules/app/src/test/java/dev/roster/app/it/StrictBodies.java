package dev.roster.app.it;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks every JSON answer against the schema the document declares for it, with a JSON Schema
 * 2020-12 validator in the OpenAPI 3.1 dialect: a {@code null} where the schema does not allow one,
 * a missing required property or a value outside an enum fails the test. The Atlassian validator
 * checks the rest (the operation exists, the status and media type are declared, the request), but
 * reads OpenAPI 3.1 type lists loosely, so it cannot catch those.
 */
final class StrictBodies implements Filter {

  private static final String DOCUMENT = "https://roster.test/openapi.yaml";

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<Route> routes;
  private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

  private record Route(String template, Pattern pattern, int literals) {}

  StrictBodies(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    document = YAMLMapper.builder().build().readTree(text);
    registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, text)));
    List<Route> found = new ArrayList<>();
    for (String template : document.get("paths").propertyNames()) {
      String regex =
          Pattern.quote(template).replaceAll("\\{[^}/]+}", Matcher.quoteReplacement("\\E[^/]+\\Q"));
      int literals = template.replaceAll("\\{[^}/]+}", "").length();
      found.add(new Route(template, Pattern.compile(regex), literals));
    }
    // the most literal template first: /members/summary before /members/{id}
    found.sort(Comparator.comparingInt(Route::literals).reversed());
    routes = List.copyOf(found);
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    String type = Optional.ofNullable(response.getContentType()).orElse("");
    String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.equals("application/problem+json")) {
      return response;
    }
    String body = response.asString();
    if (body.isEmpty()) {
      return response;
    }
    String path = URI.create(request.getURI()).getRawPath();
    List<String> errors = check(request.getMethod(), path, response.getStatusCode(), media, body);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          request.getMethod()
              + " "
              + path
              + " answered "
              + response.getStatusCode()
              + " with a body its schema refuses:\n  "
              + String.join("\n  ", errors)
              + "\nbody: "
              + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
    }
    return response;
  }

  /**
   * What is wrong with a JSON answer to {@code method path} with this status and media type: empty
   * when its schema takes it, or when the document declares no schema for it (the other validator
   * judges whether the exchange is declared at all).
   */
  List<String> check(String method, String path, int statusCode, String media, String body) {
    String verb = method.toLowerCase(Locale.ROOT);
    Optional<Route> route =
        routes.stream().filter(r -> r.pattern.matcher(path).matches()).findFirst();
    if (route.isEmpty()) {
      return List.of();
    }
    String status = String.valueOf(statusCode);
    JsonNode responses =
        document.path("paths").path(route.get().template).path(verb).path("responses");
    String declared =
        responses.has(status)
            ? status
            : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
    Optional<Schema> schema =
        schemas.computeIfAbsent(
            route.get().template + " " + verb + " " + declared + " " + media,
            key -> schemaOf(route.get().template, verb, declared, media, responses));
    if (schema.isEmpty()) {
      return List.of();
    }
    return schema.get().validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private Optional<Schema> schemaOf(
      String template, String method, String status, String media, JsonNode responses) {
    JsonNode response = responses.path(status);
    String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + escape(status);
    if (response.has("$ref")) {
      pointer = response.get("$ref").asString().substring(1);
      response = document.at(pointer);
    }
    if (!response.path("content").path(media).has("schema")) {
      return Optional.empty();
    }
    return Optional.of(
        registry.getSchema(
            SchemaLocation.of(DOCUMENT + "#" + pointer + "/content/" + escape(media) + "/schema")));
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
