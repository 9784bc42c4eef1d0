package dev.roster.organisation.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.OrgSettingsChanged;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;

/** The settings of the current tenant. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class SettingsService implements Settings {

  @Inject MemberStore members;
  @Inject Access access;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;

  @Override
  public OrgSettings get() {
    access.require(Permission.SETTINGS_MANAGE);
    return members.settings().view();
  }

  @Override
  public OrgSettings update(OrgSettings settings) {
    access.require(Permission.SETTINGS_MANAGE);
    OrganisationSettings row = members.settings();
    row.replace(settings);
    OrgSettings saved = row.view();
    events.fire(new OrgSettingsChanged(tenants.require().orgId(), saved));
    return saved;
  }
}
