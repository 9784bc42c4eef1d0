package dev.roster.organisation.internal;

import dev.roster.organisation.CurrentMembership;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Marks a member as seen in their organisation (their {@code lastActiveAt}, which the directory's
 * active and inactive filters read) once the tenant guard has let them in: at most once per {@link
 * #GRAIN}, so that most requests write nothing. The guard leaves the time it read in a request
 * property ({@link #SEEN}), which spares a second read of the member.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 1)
public class ActivityMark implements ContainerRequestFilter {

  /** A member's activity is written at most once in this interval. */
  static final Duration GRAIN = Duration.ofMinutes(5);

  /** The request property holding the member's last activity as the guard read it (or absent). */
  static final String SEEN = ActivityMark.class.getName() + ".seen";

  @Inject CurrentMembership current;
  @Inject MemberStore members;
  @Inject Clock clock;

  @Override
  public void filter(ContainerRequestContext request) {
    current
        .get()
        .ifPresent(
            membership -> {
              Instant now = clock.instant();
              Object seen = request.getProperty(SEEN);
              if (!(seen instanceof Instant last) || last.isBefore(now.minus(GRAIN))) {
                members.touch(membership.memberId().value(), now, now.minus(GRAIN));
              }
            });
  }
}
