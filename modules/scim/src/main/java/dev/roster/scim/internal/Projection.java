package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 section 3.9): which
 * attributes an answer holds. Names match in any case; {@code id} and {@code schemas} are always
 * returned; a name may be qualified by its schema URN ({@code
 * urn:...:enterprise:2.0:User:department}).
 */
final class Projection {

  private final List<String> attributes;
  private final List<String> excluded;

  private Projection(List<String> attributes, List<String> excluded) {
    this.attributes = attributes;
    this.excluded = excluded;
  }

  static Projection of(String attributes, String excludedAttributes) {
    return new Projection(split(attributes), split(excludedAttributes));
  }

  private static List<String> split(String list) {
    List<String> names = new ArrayList<>();
    if (list != null) {
      for (String name : list.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    return names;
  }

  /** A ListResponse with each of its resources projected. */
  ObjectNode applyToList(ObjectNode list) {
    ArrayNode projected = ScimJson.NODES.arrayNode();
    list.withArray("Resources").forEach(r -> projected.add(apply((ObjectNode) r)));
    list.set("Resources", projected);
    return list;
  }

  ObjectNode apply(ObjectNode resource) {
    ObjectNode answer = resource;
    if (!attributes.isEmpty()) {
      answer = ScimJson.NODES.objectNode();
      answer.set("schemas", resource.get("schemas"));
      answer.set("id", resource.get("id"));
      for (String name : attributes) {
        copy(resource, answer, steps(resource, name));
      }
    }
    for (String name : excluded) {
      remove(answer, steps(answer, name));
    }
    return answer;
  }

  /** A name as steps: a schema extension's URN first where it names one, then attribute names. */
  private static List<String> steps(ObjectNode resource, String name) {
    List<String> steps = new ArrayList<>();
    String rest = name;
    Iterator<String> fields = resource.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (field.startsWith("urn:")
          && name.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT))) {
        steps.add(field);
        rest = name.substring(field.length());
        rest = rest.startsWith(":") ? rest.substring(1) : rest;
        break;
      }
    }
    if (steps.isEmpty()
        && name.toLowerCase(Locale.ROOT).startsWith(ScimJson.USER.toLowerCase(Locale.ROOT) + ":")) {
      rest = name.substring(ScimJson.USER.length() + 1);
    } else if (steps.isEmpty()
        && name.toLowerCase(Locale.ROOT)
            .startsWith(ScimJson.GROUP.toLowerCase(Locale.ROOT) + ":")) {
      rest = name.substring(ScimJson.GROUP.length() + 1);
    }
    if (!rest.isEmpty()) {
      steps.addAll(List.of(rest.split("\\.")));
    }
    return steps;
  }

  private static String field(JsonNode node, String name) {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (field.equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }

  private static void copy(JsonNode from, ObjectNode to, List<String> steps) {
    if (steps.isEmpty()) {
      return;
    }
    String field = field(from, steps.get(0));
    if (field == null) {
      return;
    }
    JsonNode value = from.get(field);
    List<String> rest = steps.subList(1, steps.size());
    if (rest.isEmpty()) {
      to.set(field, value.deepCopy());
    } else if (value.isObject()) {
      ObjectNode inner =
          to.has(field) && to.get(field).isObject()
              ? (ObjectNode) to.get(field)
              : to.putObject(field);
      copy(value, inner, rest);
    } else if (value.isArray()) {
      ArrayNode items = to.putArray(field);
      for (JsonNode item : value) {
        if (item.isObject()) {
          ObjectNode kept = ScimJson.NODES.objectNode();
          copy(item, kept, rest);
          items.add(kept);
        }
      }
    }
  }

  private static void remove(JsonNode from, List<String> steps) {
    if (steps.isEmpty() || !from.isObject()) {
      return;
    }
    String field = field(from, steps.get(0));
    if (field == null || field.equals("id") || field.equals("schemas")) {
      return;
    }
    List<String> rest = steps.subList(1, steps.size());
    if (rest.isEmpty()) {
      ((ObjectNode) from).remove(field);
    } else if (from.get(field).isArray()) {
      from.get(field).forEach(item -> remove(item, rest));
    } else {
      remove(from.get(field), rest);
    }
  }
}
