package dev.roster.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * PATCH requests (RFC 7644 section 3.5.2), read in the shapes identity providers send and applied
 * by UnboundID's SCIM 2 SDK to the resource as it is: operation names in any case ({@code
 * "Replace"}), booleans as strings ({@code "active": "False"}), replace without a path, and a
 * remove of {@code members} that names the members to remove in its value (Entra ID).
 */
final class ScimPatches {

  /** The most operations one request holds. */
  static final int MAX_OPERATIONS = 1000;

  private ScimPatches() {}

  /** Reads a PatchOp body; 400 invalidSyntax or invalidValue for one that is not. */
  static PatchRequest read(ObjectNode body) {
    JsonNode schemas = ScimLists.field(body, "schemas");
    boolean patchOp = false;
    if (schemas != null && schemas.isArray()) {
      for (JsonNode schema : schemas) {
        patchOp |= schema.isTextual() && schema.textValue().equalsIgnoreCase(ScimJson.PATCH);
      }
    }
    if (!patchOp) {
      throw ScimError.invalidSyntax("A PATCH body names the schema " + ScimJson.PATCH + ".");
    }
    JsonNode operations = ScimLists.field(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw ScimError.invalidSyntax("A PATCH body holds a non-empty Operations array.");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw ScimError.invalidValue("A PATCH body holds at most " + MAX_OPERATIONS + " operations.");
    }
    ArrayNode normal = ScimJson.NODES.arrayNode();
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw ScimError.invalidSyntax("Each operation is an object.");
      }
      normal.addAll(normalise((ObjectNode) operation));
    }
    ObjectNode request = ScimJson.NODES.objectNode();
    ScimJson.schemas(request, ScimJson.PATCH);
    request.set("Operations", normal);
    try {
      return ScimJson.MAPPER.treeToValue(request, PatchRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ScimError.invalidSyntax(
          "An operation is not one this server reads: op is add, replace or remove, with a path"
              + " where one is needed.");
    }
  }

  /**
   * Applies {@code request} to a copy of {@code resource}; the SDK's refusals become SCIM errors.
   */
  static ObjectNode apply(PatchRequest request, ObjectNode resource) {
    GenericScimResource copy = new GenericScimResource(resource.deepCopy());
    try {
      request.apply(copy);
    } catch (ScimException e) {
      String type = e.getScimError().getScimType();
      int status = e.getScimError().getStatus() == null ? 400 : e.getScimError().getStatus();
      throw new ScimError(
          status,
          type == null ? "invalidValue" : type,
          e.getScimError().getDetail() == null
              ? "The patch does not apply."
              : e.getScimError().getDetail());
    } catch (RuntimeException e) {
      throw ScimError.invalidValue("The patch does not apply: " + e.getMessage());
    }
    return copy.getObjectNode();
  }

  private static ArrayNode normalise(ObjectNode operation) {
    ObjectNode op = ScimJson.NODES.objectNode();
    JsonNode name = ScimLists.field(operation, "op");
    if (name == null || !name.isTextual()) {
      throw ScimError.invalidSyntax("Each operation names its op: add, replace or remove.");
    }
    String kind = name.textValue().strip().toLowerCase(Locale.ROOT);
    if (!kind.equals("add") && !kind.equals("replace") && !kind.equals("remove")) {
      throw ScimError.invalidSyntax("op is add, replace or remove, not " + name.textValue() + ".");
    }
    op.put("op", kind);
    JsonNode path = ScimLists.field(operation, "path");
    if (path != null && !path.isNull()) {
      if (!path.isTextual()) {
        throw ScimError.invalidPath("path must be a string.");
      }
      try {
        Path.fromString(path.textValue());
      } catch (BadRequestException e) {
        throw ScimError.invalidPath("The path " + path.textValue() + " does not parse.");
      }
      op.put("path", path.textValue());
    }
    JsonNode value = ScimLists.field(operation, "value");
    ArrayNode out = ScimJson.NODES.arrayNode();
    if (value != null) {
      op.set("value", booleans(value, path == null ? null : path.asText()));
    }
    if (kind.equals("remove")
        && path != null
        && path.asText().equalsIgnoreCase("members")
        && value != null
        && value.isArray()) {
      // Entra ID names the members to remove in the value: one remove per member
      for (JsonNode member : value) {
        String id = member.path("value").asText(member.asText());
        ObjectNode one = ScimJson.NODES.objectNode();
        one.put("op", "remove");
        one.put(
            "path", "members[value eq \"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
        out.add(one);
      }
      return out;
    }
    if (path == null && value != null && value.isObject()) {
      // Entra ID writes sub-attributes as keys of a replace without path ("name.givenName",
      // "urn:...:enterprise:2.0:User:department"): each becomes an operation with that path
      ObjectNode plain = ScimJson.NODES.objectNode();
      op.get("value")
          .fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().contains(".") || extensionAttribute(field.getKey())) {
                  ObjectNode one = ScimJson.NODES.objectNode();
                  one.put("op", kind);
                  one.put("path", field.getKey());
                  one.set("value", booleans(field.getValue(), field.getKey()));
                  out.add(one);
                } else {
                  plain.set(field.getKey(), field.getValue());
                }
              });
      if (!plain.isEmpty()) {
        op.set("value", plain);
        out.add(op);
      }
      return out;
    }
    out.add(op);
    return out;
  }

  /** Whether a key names an attribute of a schema extension, not the extension itself. */
  private static boolean extensionAttribute(String key) {
    return key.regionMatches(
        true, 0, ScimJson.ENTERPRISE + ":", 0, ScimJson.ENTERPRISE.length() + 1);
  }

  /** {@code "active": "False"} as Okta and Entra ID send it: the boolean it means. */
  private static JsonNode booleans(JsonNode value, String path) {
    if (path != null && path.strip().equalsIgnoreCase("active") && value.isTextual()) {
      Boolean b = ScimLists.bool(ScimJson.NODES.objectNode().set("active", value), "active");
      return BooleanNode.valueOf(b);
    }
    if (path == null && value.isObject()) {
      ObjectNode copy = ((ObjectNode) value).deepCopy();
      Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equalsIgnoreCase("active") && field.getValue().isTextual()) {
          field.setValue(
              BooleanNode.valueOf(
                  ScimLists.bool(
                      ScimJson.NODES.objectNode().set("active", field.getValue()), "active")));
        }
      }
      return copy;
    }
    return value;
  }
}
