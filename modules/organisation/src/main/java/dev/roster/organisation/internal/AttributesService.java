package dev.roster.organisation.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.AttributeField;
import dev.roster.organisation.AttributeFieldChanged;
import dev.roster.organisation.MemberAttributes;
import dev.roster.organisation.MemberAttributesChanged;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Member attributes (issue 19): fields the organisation defines, and the values members carry,
 * validated by each field's type. Values of fields readable by admins only are shown to holders of
 * {@code members.manage}; the others to everyone who sees the directory.
 */
@ApplicationScoped
@Retried
@Transactional
class AttributesService {

  static final int MAX_FIELDS = 50;
  static final int MAX_STRING = 500;

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type VALUES =
      new TreeMap<String, Object>() {}.getClass().getGenericSuperclass();
  private static final Type OPTIONS = new ArrayList<String>() {}.getClass().getGenericSuperclass();

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Access access;
  @Inject MemberStore members;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  /** The organisation's fields, by key. */
  List<AttributeField> list() {
    access.require(Permission.MEMBERS_VIEW);
    return fields();
  }

  AttributeField create(@NotNull @Valid AttributeField field) {
    access.require(Permission.SETTINGS_MANAGE);
    List<String> options = field.options() == null ? List.of() : List.copyOf(field.options());
    if (field.type().equals("one_of")) {
      if (options.isEmpty()) {
        throw Problems.invalidField("options", "a one_of field needs 1 to 50 options");
      }
      if (new HashSet<>(options).size() != options.size()) {
        throw Problems.invalidField("options", "must not name an option twice");
      }
    } else if (!options.isEmpty()) {
      throw Problems.invalidField("options", "go with a one_of field only");
    }
    if (!List.of("string", "number", "boolean", "date", "one_of").contains(field.type())) {
      throw Problems.invalidField("type", "must be string, number, boolean, date or one_of");
    }
    if (!List.of("admins", "members").contains(field.visibility())) {
      throw Problems.invalidField("visibility", "must be admins or members");
    }
    EntityManager em = lockFields();
    List<AttributeField> all = fields();
    if (all.stream().anyMatch(f -> f.key().equals(field.key()))) {
      throw Problems.conflict(
          "attribute-exists",
          "Attribute exists",
          "This organisation has an attribute " + field.key() + " already.");
    }
    if (all.size() >= MAX_FIELDS) {
      throw Problems.conflict(
          "too-many-attributes",
          "Too many attributes",
          "An organisation defines at most " + MAX_FIELDS + " attributes.");
    }
    AttributeField made =
        new AttributeField(
            field.key(),
            field.name().strip(),
            field.type(),
            options,
            field.required(),
            field.visibility());
    em.createNativeQuery(
            "insert into attribute_field (key, name, type, options, required, visibility,"
                + " created_at) values (?, ?, ?, cast(? as text[]), ?, ?, ?)")
        .setParameter(1, made.key())
        .setParameter(2, made.name())
        .setParameter(3, made.type())
        .setParameter(4, Sql.textArray(options))
        .setParameter(5, made.required())
        .setParameter(6, made.visibility())
        .setParameter(7, Timestamp.from(clock.instant()))
        .executeUpdate();
    events.fire(new AttributeFieldChanged(tenants.require().orgId(), made, false));
    return made;
  }

  /** Deletes a field and every member's value of it. */
  void delete(String key) {
    access.require(Permission.SETTINGS_MANAGE);
    EntityManager em = lockFields();
    AttributeField field =
        fields().stream()
            .filter(f -> f.key().equals(key))
            .findFirst()
            .orElseThrow(() -> Problems.notFound("No attribute '" + key + "' here."));
    em.createNativeQuery("delete from attribute_field where key = ?")
        .setParameter(1, key)
        .executeUpdate();
    em.createNativeQuery(
            "update member set attributes = attributes - cast(? as text)"
                + " where jsonb_exists(attributes, ?)")
        .setParameter(1, key)
        .setParameter(2, key)
        .executeUpdate();
    events.fire(new AttributeFieldChanged(tenants.require().orgId(), field, true));
  }

  /**
   * Replaces a member's values: by holders of {@code members.manage} ranked above the member. Each
   * value must belong to a field and fit its type; required fields must have one.
   */
  void replace(MemberId memberId, @NotNull @Valid MemberAttributes request) {
    access.beforeChanging(memberId);
    access.require(Permission.MEMBERS_MANAGE);
    lock();
    Member target =
        members
            .lockedById(memberId.value())
            .filter(m -> m.status() != MemberStatus.REMOVED)
            .orElseThrow(() -> Problems.notFound("No member " + memberId + " here."));
    access.requireOutranks(target);
    Map<String, AttributeField> fields = new LinkedHashMap<>();
    fields().forEach(f -> fields.put(f.key(), f));
    Map<String, Object> values = new TreeMap<>();
    for (Map.Entry<String, Object> entry : request.values().entrySet()) {
      String field = "values." + entry.getKey();
      AttributeField definition = fields.get(entry.getKey());
      if (definition == null) {
        throw Problems.invalidField(field, "is not an attribute of this organisation");
      }
      if (entry.getValue() != null) {
        values.put(entry.getKey(), valid(definition, entry.getValue(), field));
      }
    }
    for (AttributeField definition : fields.values()) {
      if (definition.required() && !values.containsKey(definition.key())) {
        throw Problems.invalidField("values." + definition.key(), "is required");
      }
    }
    Map<String, Object> before = valuesOf(target);
    if (before.equals(values)) {
      return;
    }
    target.attributes(JSON.toJson(values));
    events.fire(
        new MemberAttributesChanged(
            tenants.require().orgId(), target.memberId(), before, new TreeMap<>(values)));
  }

  /** The keys of the fields whose values the caller reads. */
  Set<String> readable() {
    boolean admin = access.holds(Permission.MEMBERS_MANAGE);
    Set<String> keys = new HashSet<>();
    for (AttributeField field : fields()) {
      if (admin || field.visibility().equals("members")) {
        keys.add(field.key());
      }
    }
    return keys;
  }

  /** Whether the member carries any attribute value. */
  static boolean hasValues(Member member) {
    String json = member.attributes();
    return json != null && !json.isBlank() && !json.strip().equals("{}");
  }

  /** The member's values of the fields {@code readable} names. */
  static Map<String, Object> visible(Member member, Set<String> readable) {
    Map<String, Object> shown = new TreeMap<>();
    valuesOf(member)
        .forEach(
            (key, value) -> {
              if (readable.contains(key)) {
                shown.put(key, value);
              }
            });
    return shown;
  }

  private static Map<String, Object> valuesOf(Member member) {
    String json = member.attributes();
    return json == null || json.isBlank() ? new TreeMap<>() : JSON.fromJson(json, VALUES);
  }

  private static Object valid(AttributeField definition, Object value, String field) {
    switch (definition.type()) {
      case "string" -> {
        if (!(value instanceof String s) || s.length() > MAX_STRING) {
          throw Problems.invalidField(
              field, "must be a string of at most " + MAX_STRING + " characters");
        }
        return s;
      }
      case "number" -> {
        if (!(value instanceof BigDecimal) && !(value instanceof Number)) {
          throw Problems.invalidField(field, "must be a number");
        }
        return new BigDecimal(value.toString());
      }
      case "boolean" -> {
        if (!(value instanceof Boolean b)) {
          throw Problems.invalidField(field, "must be true or false");
        }
        return b;
      }
      case "date" -> {
        try {
          if (value instanceof String s && s.length() == 10) {
            return LocalDate.parse(s).toString();
          }
        } catch (DateTimeParseException e) {
          // refused below
        }
        throw Problems.invalidField(field, "must be a date, YYYY-MM-DD");
      }
      default -> {
        if (!(value instanceof String s) || !definition.options().contains(s)) {
          throw Problems.invalidField(
              field, "must be one of " + String.join(", ", definition.options()));
        }
        return s;
      }
    }
  }

  /** The organisation's fields, by key. */
  List<AttributeField> fields() {
    List<?> rows =
        data.entityManager()
            .createNativeQuery(
                "select key, name, type, to_json(options)::text, required, visibility"
                    + " from attribute_field order by key")
            .getResultList();
    List<AttributeField> fields = new ArrayList<>();
    for (Object row : rows) {
      Object[] cells = (Object[]) row;
      List<String> options = JSON.fromJson((String) cells[3], OPTIONS);
      fields.add(
          new AttributeField(
              (String) cells[0],
              (String) cells[1],
              (String) cells[2],
              options,
              (Boolean) cells[4],
              (String) cells[5]));
    }
    return fields;
  }

  /**
   * The organisation's attribute lock, shared: value changes do not wait for each other, but a
   * field's definition or deletion waits for them and they for it.
   */
  private EntityManager lock() {
    EntityManager em = data.entityManager();
    Sql.lockShared(em, "attributes:" + tenants.require().schema());
    return em;
  }

  /** The same lock, alone: one change of the fields at a time. */
  private EntityManager lockFields() {
    EntityManager em = data.entityManager();
    Sql.lock(em, "attributes:" + tenants.require().schema());
    return em;
  }
}
