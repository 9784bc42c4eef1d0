package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.OrgSettingsChanged;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Settings;
import dev.roster.organisation.SignInPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.Optional;

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
  @Inject CallContext calls;
  @Inject Clock clock;

  @Override
  public OrgSettings get() {
    access.require(Permission.SETTINGS_MANAGE);
    return members.settings().view();
  }

  @Override
  public OrgSettings update(OrgSettings settings) {
    access.require(Permission.SETTINGS_MANAGE);
    OrganisationSettings row = members.settings();
    if (settings.signInPolicy() != null) {
      keepsTheCallerIn(settings.signInPolicy());
    }
    row.replace(settings);
    OrgSettings saved = row.view();
    events.fire(new OrgSettingsChanged(tenants.require().orgId(), saved));
    return saved;
  }

  /**
   * An admin may not shut themselves out with the policy they set: it must accept the way they
   * signed in and, when it requires two-factor sign-in at once, they must have it (the URL to undo
   * the policy is one of the organisation's). A platform admin who is no member is not bound.
   */
  private void keepsTheCallerIn(SignInPolicy policy) {
    Caller caller = calls.requireCaller();
    Optional<Member> self = members.currentByAccount(caller.accountId().value());
    if (self.isEmpty()) {
      return;
    }
    try {
      TenantGuard.enforce(policy, caller, self.get(), clock.instant());
    } catch (ProblemException wouldLockOut) {
      throw Problems.invalidField(
          "signInPolicy",
          "would shut you out at once ("
              + wouldLockOut.problem().type().substring(Problems.BASE.length())
              + "): "
              + wouldLockOut.problem().detail());
    }
  }
}
