package dev.roster.app.internal;

import dev.roster.kernel.PageRequest;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.teams.TeamRole;
import dev.roster.webhooks.WebhookEventType;
import dev.roster.webhooks.WebhookEventTypes;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What holds for every operation is declared here once, rather than copied onto each (issue 14):
 *
 * <ul>
 *   <li>every operation has a {@code default} problem response, so a generated client reads any
 *       error, 500 included, as a problem;
 *   <li>every operation declares 503 {@code unavailable}: the database may be out of reach on any
 *       path ({@code database-unavailable}, with {@code Retry-After});
 *   <li>every operation with a body declares the 413 of the body limit (BodyLimitFilter) and the
 *       415 of a body of another type;
 *   <li>an operation that names no security is public, and says so ({@code security: []});
 *   <li>{@code limit} is bounded as PageRequest bounds it;
 *   <li>a CSV answer is a file ({@code format: binary}), so clients download it as bytes;
 *   <li>UUID patterns are anchored, so a client-side check matches the server's;
 *   <li>the organisation and team roles and the permission names are named schemas made from their
 *       Java enums ({@code @Schema(ref = "OrgRole")} points at one), so the document lists exactly
 *       the values the server reads and a client gets one type for each;
 *   <li>every property of an answer is required, unless its schema lists the required ones itself
 *       (the problem): the server writes each one, {@code null} included, so a property that may be
 *       null says so ({@code @Schema(nullable = true)});
 *   <li>the organisation's path parameter ({@code org}) is described once, here;
 *   <li>path parameters come in the order of the path ({@code org} before {@code id}), so a
 *       generated method reads as the URL does.
 * </ul>
 */
public class DocumentRules implements OASFilter {

  /** The tag of the SCIM endpoints, whose errors follow SCIM's schema rather than RFC 9457. */
  static final String SCIM_TAG = "SCIM";

  /** The extension that marks a {@code $ref} as nullable; see {@link #filterSchema}. */
  static final String NULLABLE_REF = "x-nullable";

  private static final String UUID_PATTERN =
      "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses != null
        && operation.getTags() != null
        && operation.getTags().contains(SCIM_TAG)) {
      // SCIM endpoints answer errors in SCIM's own schema (RFC 7644 section 3.12)
      for (String status :
          List.of("400", "401", "403", "404", "406", "409", "412", "413", "415", "503")) {
        declare(responses, status, "scimError");
      }
      if (responses.getDefaultValue() == null) {
        responses.setDefaultValue(ref("scimError"));
      }
    }
    if (responses != null) {
      if (operation.getRequestBody() != null) {
        declare(responses, "413", "payloadTooLarge");
        declare(responses, "415", "unsupportedMediaType");
      }
      if (operation.getRequestBody() != null
          || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
        // a parameter or body the server cannot read, or a path the container refuses
        declare(responses, "400", "validation");
      }
      // a token that is no longer valid is refused on any path, public ones included
      declare(responses, "401", "unauthorized");
      // an Accept header that allows neither the answer nor a problem
      declare(responses, "406", "notAcceptable");
      // the database out of reach (and, on sign-in and password paths, hashing at its bound)
      declare(responses, "503", "unavailable");
      if (responses.getDefaultValue() == null) {
        responses.setDefaultValue(ref("problem"));
      }
      // in the order of their status, whoever declared them
      Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
      responses.setAPIResponses(new LinkedHashMap<>());
      sorted.forEach(responses::addAPIResponse);
      for (APIResponse response : responses.getAPIResponses().values()) {
        if (response.getContent() != null) {
          MediaType csv = response.getContent().getMediaType("text/csv");
          if (csv != null && csv.getSchema() != null) {
            csv.getSchema().setFormat("binary");
          }
        }
      }
    }
    if (operation.getSecurity() == null) {
      operation.setSecurity(new ArrayList<>());
    }
    return operation;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if ("org".equals(parameter.getName())
        && parameter.getIn() == Parameter.In.PATH
        && parameter.getDescription() == null) {
      parameter.setDescription("The organisation's slug.");
    }
    if ("limit".equals(parameter.getName())
        && parameter.getIn() == Parameter.In.QUERY
        && parameter.getSchema() != null) {
      parameter
          .getSchema()
          .minimum(BigDecimal.ONE)
          .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
          .defaultValue(PageRequest.DEFAULT_LIMIT);
    }
    return parameter;
  }

  @Override
  public Schema filterSchema(Schema schema) {
    if (UUID_PATTERN.equals(schema.getPattern())) {
      schema.setPattern("^" + UUID_PATTERN + "$");
    }
    if (schema.getRef() != null
        && schema.getExtensions() != null
        && Boolean.TRUE.equals(schema.getExtensions().get(NULLABLE_REF))) {
      // a reference that may be null: SmallRye keeps nothing but the reference of
      // @Schema(ref = ..., nullable = true), so such a field says x-nullable instead
      String reference = schema.getRef();
      schema.setRef(null);
      schema.removeExtension(NULLABLE_REF);
      return referenceOrNull(schema, reference);
    }
    for (Named named : NAMED) {
      if (named.constants().equals(schema.getEnumeration())) {
        return named.use(schema);
      }
    }
    if (schema.getEnumeration() != null
        && schema.getType() != null
        && schema.getType().contains(Schema.SchemaType.NULL)
        && !schema.getEnumeration().contains(null)) {
      // a nullable enumeration: null is one of its values, or JSON Schema refuses it
      List<Object> values = new ArrayList<>(schema.getEnumeration());
      values.add(null);
      schema.setEnumeration(values);
    }
    if (schema.getEnumeration() != null
        && schema.getType() == null
        && schema.getRef() == null
        && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
      // an enumeration given on a parameter names its values but not their type
      schema.addType(Schema.SchemaType.STRING);
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getComponents() == null) {
      return;
    }
    for (Named named : NAMED) {
      document.getComponents().addSchema(named.component(), named.schema());
    }
    describeWebhooks(document);
    if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
      return;
    }
    Set<String> answers = new HashSet<>();
    Set<String> requests = new HashSet<>();
    for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
      for (Operation operation : path.getValue().getOperations().values()) {
        orderParameters(path.getKey(), operation);
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
          operation.getRequestBody().getContent().getMediaTypes().values().stream()
              .map(MediaType::getSchema)
              .forEach(schema -> reach(document, schema, requests));
        }
        if (operation.getResponses() != null) {
          for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getContent() != null) {
              response.getContent().getMediaTypes().values().stream()
                  .map(MediaType::getSchema)
                  .forEach(schema -> reach(document, schema, answers));
            }
          }
        }
      }
    }
    answers.removeAll(requests);
    Map<String, Schema> schemas = document.getComponents().getSchemas();
    for (String name : answers) {
      Schema schema = schemas.get(name);
      if (schema != null
          && schema.getProperties() != null
          && !schema.getProperties().isEmpty()
          && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
      }
    }
  }

  /** Path parameters in the order the path names them, then the rest as they were. */
  private static void orderParameters(String path, Operation operation) {
    List<Parameter> parameters = operation.getParameters();
    if (parameters == null || parameters.size() < 2) {
      return;
    }
    List<Parameter> ordered = new ArrayList<>(parameters);
    ordered.sort(
        Comparator.comparingInt(
            (Parameter p) -> {
              int at = p.getIn() == Parameter.In.PATH ? path.indexOf("{" + p.getName() + "}") : -1;
              return at < 0 ? Integer.MAX_VALUE : at;
            }));
    operation.setParameters(ordered);
  }

  /** Adds the names of every component schema {@code schema} leads to. */
  private static void reach(OpenAPI document, Schema schema, Set<String> seen) {
    Deque<Schema> todo = new ArrayDeque<>();
    if (schema != null) {
      todo.push(schema);
    }
    while (!todo.isEmpty()) {
      Schema next = todo.pop();
      if (next.getRef() != null) {
        String name = next.getRef().substring(next.getRef().lastIndexOf('/') + 1);
        Schema target = document.getComponents().getSchemas().get(name);
        if (seen.add(name) && target != null) {
          todo.push(target);
        }
      }
      if (next.getProperties() != null) {
        next.getProperties().values().forEach(todo::push);
      }
      if (next.getItems() != null) {
        todo.push(next.getItems());
      }
      if (next.getAdditionalPropertiesSchema() != null) {
        todo.push(next.getAdditionalPropertiesSchema());
      }
      for (List<Schema> group : Arrays.asList(next.getAllOf(), next.getAnyOf(), next.getOneOf())) {
        if (group != null) {
          group.forEach(todo::push);
        }
      }
    }
  }

  /**
   * A Java enum that the document shows as one named schema of its wire names. SmallRye describes a
   * field typed with it ({@code @Schema(implementation = OrgRole.class)}) by the constants' Java
   * names, and inlines it when nullable; both become a reference to the named schema here.
   */
  private record Named(String component, List<Object> constants, Schema schema) {

    static <E extends Enum<E>> Named of(String description, E[] values, Function<E, String> wire) {
      return new Named(
          values[0].getDeclaringClass().getSimpleName(),
          Arrays.stream(values).map(Enum::name).map(Object.class::cast).toList(),
          OASFactory.createSchema()
              .addType(Schema.SchemaType.STRING)
              .description(description)
              .enumeration(Arrays.stream(values).map(wire).map(Object.class::cast).toList()));
    }

    Schema use(Schema schema) {
      boolean nullable =
          schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
      String reference = "#/components/schemas/" + component;
      schema.setEnumeration(null);
      schema.setType(null);
      schema.setMaxLength(null);
      if (nullable) {
        return referenceOrNull(schema, reference);
      }
      schema.setRef(reference);
      return schema;
    }
  }

  private static final List<Named> NAMED =
      List.of(
          new Named(
              "OrgRole",
              List.of(),
              OASFactory.createSchema()
                  .addType(Schema.SchemaType.STRING)
                  .pattern(OrgRole.KEY_PATTERN)
                  .description(
                      "The key of a role of the organisation's own catalogue (GET"
                          + " /orgs/{org}/roles). The default catalogue, highest rank first:"
                          + " admin, manager, member, viewer, guest.")),
          Named.of("A team role, most powerful first.", TeamRole.values(), TeamRole::wire),
          Named.of("A permission of the catalogue.", Permission.values(), Permission::wire));

  /** Makes {@code schema} say: what {@code reference} names, or null. */
  private static Schema referenceOrNull(Schema schema, String reference) {
    schema.setAnyOf(
        List.of(
            OASFactory.createSchema().ref(reference),
            OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    return schema;
  }

  private static void declare(APIResponses responses, String status, String component) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, ref(component));
    }
  }

  private static APIResponse ref(String component) {
    return OASFactory.createAPIResponse().ref("#/components/responses/" + component);
  }

  /**
   * The messages Roster sends to webhook endpoints, one entry per event type in the document's
   * {@code webhooks} section (OpenAPI 3.1): each a POST of {@code WebhookEvent} with the Standard
   * Webhooks headers.
   */
  private static void describeWebhooks(OpenAPI document) {
    for (WebhookEventType type : WebhookEventTypes.ALL) {
      Operation post =
          OASFactory.createOperation()
              .operationId("webhook_" + type.type().replace('.', '_'))
              .summary(type.type())
              .description(
                  type.description()
                      + " Signed per the Standard Webhooks specification: HMAC-SHA256 of"
                      + " `webhook-id.webhook-timestamp.body` under the endpoint's secret.")
              .addTag("Webhooks")
              // Roster calls the receiver, who authenticates Roster by the signature
              .security(new ArrayList<>())
              .addParameter(header("webhook-id", "The event id; the same on every attempt."))
              .addParameter(
                  header("webhook-timestamp", "When this attempt was signed, in Unix seconds."))
              .addParameter(
                  header(
                      "webhook-signature",
                      "`v1,<base64 signature>`; two, separated by a space, during a rotation."))
              .requestBody(
                  OASFactory.createRequestBody()
                      .required(true)
                      .content(
                          OASFactory.createContent()
                              .addMediaType(
                                  "application/json",
                                  OASFactory.createMediaType()
                                      .schema(
                                          OASFactory.createSchema()
                                              .ref("#/components/schemas/WebhookEvent")))))
              .responses(
                  OASFactory.createAPIResponses()
                      .addAPIResponse(
                          "2XX",
                          OASFactory.createAPIResponse()
                              .description(
                                  "Received. Any other answer, a redirect included, or none"
                                      + " within the timeout is retried with growing delays for"
                                      + " about three days.")));
      document.addWebhook(type.type(), OASFactory.createPathItem().POST(post));
    }
  }

  private static Parameter header(String name, String description) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.HEADER)
        .required(true)
        .description(description)
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }
}
