package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Column;
import jakarta.persistence.EntityResult;
import jakarta.persistence.FieldResult;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tenant guard's one read ({@link MemberStore#atTheDoor}) names every settings column, and maps
 * each back to its field: a column added to the entity and not to the read would reach the guard as
 * a default value.
 */
class OrganisationSettingsTest {

  @Test
  void theGuardsReadCarriesEveryColumnOfTheSettings() {
    Map<String, String> columns = new TreeMap<>();
    for (Field field : OrganisationSettings.class.getDeclaredFields()) {
      if (field.isAnnotationPresent(Id.class)) {
        columns.put(field.getName(), field.getName());
      } else if (field.isAnnotationPresent(Column.class)) {
        String name = field.getAnnotation(Column.class).name();
        columns.put(field.getName(), name.isEmpty() ? field.getName() : name);
      }
    }
    EntityResult settings =
        OrganisationSettings.class.getAnnotation(SqlResultSetMapping.class).entities()[1];
    assertEquals(OrganisationSettings.class, settings.entityClass());
    Map<String, String> mapped =
        Arrays.stream(settings.fields())
            .collect(
                Collectors.toMap(
                    FieldResult::name, f -> f.column().substring(2), (a, b) -> a, TreeMap::new));
    assertEquals(columns, mapped);
    Map<String, String> selected = new TreeMap<>();
    for (String item : OrganisationSettings.ALIASED.split(", ")) {
      String[] parts = item.split(" as ");
      assertEquals("s_" + parts[0].substring(2), parts[1], item);
      selected.put(parts[0].substring(2), parts[1]);
    }
    assertEquals(new java.util.TreeSet<>(columns.values()), selected.keySet());
  }
}
