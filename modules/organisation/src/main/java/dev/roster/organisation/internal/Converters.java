package dev.roster.organisation.internal;

import dev.roster.organisation.MemberStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores statuses by their lower-case wire names, as the schema's checks expect. */
final class Converters {

  private Converters() {}

  /** Member status as {@code active}, {@code suspended}, {@code removed}. */
  @Converter
  public static class Status implements AttributeConverter<MemberStatus, String> {
    @Override
    public String convertToDatabaseColumn(MemberStatus status) {
      return status == null ? null : status.wire();
    }

    @Override
    public MemberStatus convertToEntityAttribute(String value) {
      return value == null ? null : MemberStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
