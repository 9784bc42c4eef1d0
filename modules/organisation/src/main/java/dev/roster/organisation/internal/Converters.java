package dev.roster.organisation.internal;

import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.OrgRole;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores roles and statuses by their lower-case wire names, as the schema's checks expect. */
final class Converters {

  private Converters() {}

  /** Org role as {@code admin}, {@code manager}, ... */
  @Converter
  public static class Role implements AttributeConverter<OrgRole, String> {
    @Override
    public String convertToDatabaseColumn(OrgRole role) {
      return role == null ? null : role.wire();
    }

    @Override
    public OrgRole convertToEntityAttribute(String value) {
      return value == null ? null : OrgRole.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

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
