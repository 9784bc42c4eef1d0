package dev.roster.console.internal;

import dev.roster.console.Branding;
import dev.roster.console.BrandingChange;
import dev.roster.console.BrandingChanged;
import dev.roster.identity.Images;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The organisation's accent colour and logo, which the console shows. Every member reads them;
 * holders of settings.manage change them. A logo passes the profile picture's checks and is kept
 * re-encoded, without the upload's metadata.
 */
@ApplicationScoped
@Transactional
class BrandingService {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject OrgAccess access;
  @Inject Images images;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  Branding read() {
    Tenant tenant = tenants.require();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select accent_colour, logo is not null from platform.org_branding where org_id = ?")
            .setParameter(1, tenant.orgId().value())
            .getResultList();
    if (rows.isEmpty()) {
      return new Branding(null, null);
    }
    Object[] row = rows.get(0);
    return new Branding(
        (String) row[0],
        Boolean.TRUE.equals(row[1]) ? "/api/v1/orgs/" + tenant.slug() + "/branding/logo" : null);
  }

  Branding change(@NotNull @Valid BrandingChange change) {
    access.require(Permission.SETTINGS_MANAGE);
    String colour =
        change.accentColour() == null ? null : change.accentColour().toLowerCase(Locale.ROOT);
    data.platform()
        .createNativeQuery(
            "insert into platform.org_branding (org_id, accent_colour, updated_at) values (?,"
                + " cast(? as text), ?) on conflict (org_id) do update set accent_colour ="
                + " excluded.accent_colour, updated_at = excluded.updated_at")
        .setParameter(1, tenants.require().orgId().value())
        .setParameter(2, colour)
        .setParameter(3, Timestamp.from(clock.instant()))
        .executeUpdate();
    return changed();
  }

  Branding setLogo(byte[] bytes) {
    access.require(Permission.SETTINGS_MANAGE);
    Images.Image image = images.check(bytes);
    Tenant tenant = tenants.require();
    data.platform()
        .createNativeQuery(
            "insert into platform.org_branding (org_id, logo, logo_etag, updated_at) values (?, ?,"
                + " ?, ?) on conflict (org_id) do update set logo = excluded.logo, logo_etag ="
                + " excluded.logo_etag, updated_at = excluded.updated_at")
        .setParameter(1, tenant.orgId().value())
        .setParameter(2, image.content())
        .setParameter(3, Images.etag(image.content()))
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    return changed();
  }

  Branding removeLogo() {
    access.require(Permission.SETTINGS_MANAGE);
    data.platform()
        .createNativeQuery(
            "update platform.org_branding set logo = null, logo_etag = null, updated_at = ? where"
                + " org_id = ?")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, tenants.require().orgId().value())
        .executeUpdate();
    return changed();
  }

  /** The logo's bytes and ETag; empty when none is set. */
  Optional<Logo> logo() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select logo, logo_etag from platform.org_branding where org_id = ? and logo is"
                    + " not null")
            .setParameter(1, tenants.require().orgId().value())
            .getResultList();
    return rows.stream().findFirst().map(r -> new Logo((byte[]) r[0], (String) r[1]));
  }

  /** A logo: PNG or JPEG bytes, told apart by their first byte. */
  record Logo(byte[] content, String etag) {
    String mediaType() {
      return content.length > 0 && content[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
    }
  }

  private Branding changed() {
    Branding now = read();
    events.fire(
        new BrandingChanged(tenants.require().orgId(), now.accentColour(), now.logoUrl() != null));
    return now;
  }
}
