package dev.roster.scim.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SCIM's JSON: schema URNs, reading a request body, writing an answer, versions. */
final class ScimJson {

  static final String MEDIA_TYPE = "application/scim+json";
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** How deep a request body may nest; SCIM resources need five levels at most. */
  private static final int MAX_DEPTH = 32;

  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_DEPTH)
                      .maxStringLength(100_000)
                      .build())
              .build());

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScimJson() {}

  /** Reads a request body that must be a JSON object; 400 invalidSyntax otherwise. */
  static ObjectNode read(String body) {
    if (body == null || body.isBlank()) {
      throw ScimError.invalidSyntax("The request needs a JSON body.");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ScimError.invalidSyntax("The body is not JSON this server can read: " + brief(e));
    }
    if (!(node instanceof ObjectNode object)) {
      throw ScimError.invalidSyntax("The body must be a JSON object.");
    }
    refuseControlCharacters(object, "");
    return object;
  }

  /** Text fields may hold no NUL or other control character but tab and line breaks. */
  private static void refuseControlCharacters(JsonNode node, String path) {
    if (node.isTextual()) {
      for (char c : node.textValue().toCharArray()) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          throw ScimError.invalidValue(
              "The value of "
                  + (path.isEmpty() ? "a field" : path)
                  + " holds a control character.");
        }
      }
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                refuseControlCharacters(
                    new com.fasterxml.jackson.databind.node.TextNode(e.getKey()), path);
                refuseControlCharacters(
                    e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
              });
    } else if (node.isArray()) {
      node.forEach(child -> refuseControlCharacters(child, path));
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a SCIM answer did not serialise", e);
    }
  }

  /**
   * The weak ETag of a representation (meta left out): it changes exactly when the resource does.
   */
  static String version(ObjectNode withoutMeta) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(withoutMeta).getBytes(StandardCharsets.UTF_8));
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static ObjectNode error(int status, String scimType, String detail) {
    ObjectNode error = NODES.objectNode();
    error.putArray("schemas").add(ERROR);
    error.put("status", Integer.toString(status));
    if (scimType != null) {
      error.put("scimType", scimType);
    }
    error.put("detail", detail);
    return error;
  }

  static ArrayNode schemas(ObjectNode resource, String... urns) {
    ArrayNode schemas = resource.putArray("schemas");
    for (String urn : urns) {
      schemas.add(urn);
    }
    return schemas;
  }

  private static String brief(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message == null
        ? "unreadable"
        : message.length() > 200 ? message.substring(0, 200) : message;
  }
}
