package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Filters, paging and versions of SCIM lists and resources, and lenient reading of the fields
 * identity providers send. Filters are parsed and evaluated by UnboundID's SCIM 2 SDK, as RFC 7644
 * section 3.4.2.2 defines them.
 */
final class ScimLists {

  /** The most resources one page holds, whatever {@code count} asks. */
  static final int MAX_COUNT = 200;

  /** A page's size when {@code count} is not given. */
  static final int DEFAULT_COUNT = 100;

  private static final String USER_PREFIX = ScimJson.USER.toLowerCase(Locale.ROOT) + ":";
  private static final String GROUP_PREFIX = ScimJson.GROUP.toLowerCase(Locale.ROOT) + ":";

  private ScimLists() {}

  /** The parsed filter, or null for none; 400 invalidFilter for one that does not parse. */
  static Filter filter(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > 2000) {
      throw ScimError.invalidFilter("A filter is at most 2,000 characters.");
    }
    try {
      return Filter.fromString(text);
    } catch (ScimException | RuntimeException e) {
      throw ScimError.invalidFilter("The filter does not parse: " + e.getMessage());
    }
  }

  /**
   * The rows {@code filter} keeps (all without one); {@code node} shows a row as it is filtered.
   */
  static <R> List<R> keep(List<R> rows, Filter filter, Function<R, ObjectNode> node) {
    return filter == null
        ? rows
        : rows.stream().filter(row -> matches(filter, node.apply(row))).toList();
  }

  static boolean matches(Filter filter, ObjectNode resource) {
    try {
      return FilterEvaluator.evaluate(filter, resource);
    } catch (ScimException e) {
      throw ScimError.invalidFilter(e.getMessage());
    }
  }

  static boolean mentions(String filter, String attribute) {
    return filter != null && filter.toLowerCase(Locale.ROOT).contains(attribute);
  }

  /**
   * The attribute an {@code eq} filter compares with a string, in lower case and without its
   * schema's URN, or null for any other filter.
   */
  static String equalTo(Filter filter) {
    if (filter == null
        || filter.getFilterType() != FilterType.EQUAL
        || filter.getComparisonValue() == null
        || !filter.getComparisonValue().isTextual()) {
      return null;
    }
    String path = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
    if (path.startsWith(USER_PREFIX)) {
      path = path.substring(USER_PREFIX.length());
    } else if (path.startsWith(GROUP_PREFIX)) {
      path = path.substring(GROUP_PREFIX.length());
    }
    return path;
  }

  static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A ListResponse of the 1-based {@code startIndex}'s page of {@code rows} (RFC 7644 section
   * 3.4.2.4): below 1 counts as 1, {@code count} from 0 to {@value #MAX_COUNT}.
   */
  static <T> ObjectNode page(
      List<T> rows, Integer startIndex, Integer count, Function<List<T>, List<ObjectNode>> render) {
    int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
    int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
    int from = Math.min(rows.size(), start - 1);
    int to = Math.min(rows.size(), from + size);
    List<ObjectNode> resources = render.apply(rows.subList(from, to));
    ObjectNode list = ScimJson.NODES.objectNode();
    ScimJson.schemas(list, ScimJson.LIST);
    list.put("totalResults", rows.size());
    list.put("startIndex", start);
    list.put("itemsPerPage", resources.size());
    ArrayNode items = list.putArray("Resources");
    resources.forEach(items::add);
    return list;
  }

  /** Refuses a change whose If-Match names another version (412), as RFC 7644 section 3.14 says. */
  static void requireVersion(String ifMatch, ObjectNode current) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return;
    }
    String version = current.path("meta").path("version").asText();
    for (String tag : ifMatch.split(",")) {
      if (opaque(tag).equals(opaque(version))) {
        return;
      }
    }
    throw new ScimError(
        412, null, "The resource changed since the version If-Match names; read it again.");
  }

  private static String opaque(String tag) {
    String t = tag.strip();
    return t.startsWith("W/") ? t.substring(2) : t;
  }

  /**
   * The field of {@code node} named {@code name} in any case (attribute names are not case-exact).
   */
  static JsonNode field(JsonNode node, String name) {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (field.equalsIgnoreCase(name)) {
        return node.get(field);
      }
    }
    return null;
  }

  /** A string field of at most {@code max} characters, or null when absent or null. */
  static String text(JsonNode node, String name, int max) {
    JsonNode value = field(node, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ScimError.invalidValue(name + " must be a string.");
    }
    if (value.textValue().length() > max) {
      throw ScimError.invalidValue(name + " is at most " + max + " characters.");
    }
    return value.textValue();
  }

  /**
   * A boolean field, also when sent as the string {@code "True"} or {@code "false"} (as some
   * identity providers do); null when absent or null.
   */
  static Boolean bool(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      String text = value.textValue().strip();
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw ScimError.invalidValue(name + " must be true or false.");
  }
}
