package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What operators watch, counted where it happens and published with the other metrics at {@code
 * /metrics} (Prometheus text, README "Operations"): answers per problem type, sign-in failures,
 * email attempts, and requests per organisation. The organisation label is bounded: the first
 * {@code ROSTER_METRICS_ORGS} organisations a server sees get a series each, the rest count as
 * {@value #OTHER}, so that a scraper's memory does not grow with the number of tenants.
 */
@ApplicationScoped
public class Measures {

  /** The organisation label of those past the bound. */
  public static final String OTHER = "_other";

  private static final Metadata PROBLEMS =
      Metadata.builder()
          .withName("roster.problems")
          .withDescription("Error answers, by problem type and status.")
          .build();
  private static final Metadata LOGIN_FAILURES =
      Metadata.builder()
          .withName("roster.login.failures")
          .withDescription("Sign-ins refused for a wrong email or password.")
          .build();
  private static final Metadata MAIL =
      Metadata.builder()
          .withName("roster.mail.attempts")
          .withDescription("Attempts to hand an email to the mail server, by outcome.")
          .build();
  private static final Metadata ORG_REQUESTS =
      Metadata.builder()
          .withName("roster.organisation.requests")
          .withDescription(
              "Requests to an organisation's data, by organisation (bounded; the rest as _other).")
          .build();

  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "ROSTER_METRICS_ORGS", defaultValue = "100")
  int organisationBound;

  /** The counter of each organisation given a series of its own; at most the bound. */
  private final Map<String, Counter> organisationCounters = new ConcurrentHashMap<>();

  /** The _other series, once the bound is reached. */
  private volatile Counter others;

  /** An answer with a problem of {@code type} (its last path segment) and {@code status}. */
  public void problem(String type, int status) {
    String name = type.startsWith(Problems.BASE) ? type.substring(Problems.BASE.length()) : type;
    registry
        .counter(PROBLEMS, new Tag("type", name), new Tag("status", Integer.toString(status)))
        .inc();
  }

  /** A sign-in refused for its credentials. */
  public void loginFailed() {
    registry.counter(LOGIN_FAILURES).inc();
  }

  /** One attempt to send an email, and whether the mail server took it. */
  public void mailAttempt(boolean sent) {
    registry.counter(MAIL, new Tag("outcome", sent ? "sent" : "failed")).inc();
  }

  /** One request to an organisation's data. */
  public void organisationRequest(String slug) {
    Counter counter = organisationCounters.get(slug);
    if (counter == null) {
      counter = others != null ? others : label(slug);
    }
    counter.inc();
  }

  /** The counter of an organisation seen for the first time: its own, or _other past the bound. */
  private synchronized Counter label(String slug) {
    Counter counter = organisationCounters.get(slug);
    if (counter != null) {
      return counter;
    }
    if (organisationCounters.size() < organisationBound) {
      counter = registry.counter(ORG_REQUESTS, new Tag("org", slug));
      organisationCounters.put(slug, counter);
      return counter;
    }
    others = registry.counter(ORG_REQUESTS, new Tag("org", OTHER));
    return others;
  }
}
