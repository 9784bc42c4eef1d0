package dev.roster.kernel;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column: EclipseLink 4.0 maps UUID attributes natively but fails with
 * a NullPointerException when it reads a NULL. Put it on every UUID attribute whose column allows
 * NULL: {@code @Convert(converter = NullableUuid.class)}.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value;
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }
}
