package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Scope;
import dev.roster.kernel.ServletProblems;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.Membership;
import dev.roster.organisation.Organisations;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Guards every request under {@code /api/v1/orgs/{org}}: the organisation must exist and the caller
 * must be one of its active members, read from its schema on this very request, or a platform
 * admin. Anyone else gets 404, as if the organisation did not exist; so does a suspended member,
 * whatever token they hold. A personal API key opens only its own organisation, and only while its
 * member may use keys. The request then runs inside that tenant, and the member's activity is
 * recorded.
 */
public class TenantFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "/api/v1/orgs/";

  /** Activity is recorded at most once per member in this interval, not on every request. */
  private static final Duration ACTIVITY_GRAIN = Duration.ofMinutes(5);

  @Inject transient Organisations organisations;
  @Inject transient MemberStore members;
  @Inject transient TenantContext tenants;
  @Inject transient CurrentMembership current;
  @Inject transient CallContext calls;
  @Inject transient Clock clock;
  @Inject transient Access access;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
      chain.doFilter(request, response);
      return;
    }
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String slug = slash < 0 ? rest : rest.substring(0, slash);

    Optional<Caller> caller = calls.caller();
    if (caller.isEmpty()) {
      ServletProblems.write(
          response, Problems.unauthorized("Authentication is required.").problem());
      return;
    }
    Optional<Tenant> tenant = organisations.tenant(slug);
    if (tenant.isEmpty()) {
      ServletProblems.write(response, hidden(slug));
      return;
    }
    if (caller.get().viaApiKey() && !caller.get().apiKeyOrg().equals(tenant.get().orgId())) {
      // a key acts in its own organisation only; elsewhere it opens nothing
      ServletProblems.write(response, hidden(slug));
      return;
    }
    try (Scope inTenant = tenants.enter(tenant.get())) {
      Instant now = clock.instant();
      Optional<Member> member =
          members.currentByAccount(caller.get().accountId()).filter(m -> m.activeAt(now));
      Optional<Membership> membership = member.map(Member::membership);
      if (member.isPresent()
          && (member.get().lastActiveAt() == null
              || member.get().lastActiveAt().isBefore(now.minus(ACTIVITY_GRAIN)))) {
        members.touch(member.get().id(), now, now.minus(ACTIVITY_GRAIN));
      }
      if (membership.isEmpty() && !caller.get().platformAdmin()) {
        ServletProblems.write(response, hidden(slug));
        return;
      }
      if (caller.get().viaApiKey() && !keysAllowed(member.get())) {
        ServletProblems.write(
            response,
            new dev.roster.kernel.ProblemException(
                    403,
                    "api-access-disabled",
                    "API access disabled",
                    "This member may not use personal API keys here now: the API-access setting or"
                        + " the api_keys.create permission is off.")
                .problem());
        return;
      }
      try (Scope asMember = membership.map(current::open).orElse(() -> {})) {
        chain.doFilter(request, response);
      }
    }
  }

  /** Whether the member may use keys at all now: the setting in force and the permission. */
  private boolean keysAllowed(Member member) {
    return access.apiAccess(member.id())
        && Access.effective(member.role(), members.overridesOf(member.id()))
            .contains(dev.roster.organisation.Permission.API_KEYS_CREATE);
  }

  private static dev.roster.kernel.Problem hidden(String slug) {
    return Problems.notFound("No organisation '" + slug + "'.").problem();
  }
}
