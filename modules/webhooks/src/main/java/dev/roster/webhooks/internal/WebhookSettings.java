package dev.roster.webhooks.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's webhook settings (README, "Webhooks"). */
@ApplicationScoped
class WebhookSettings {

  /** The waits between attempts by default: ten attempts over about three days. */
  static final String DEFAULT_SCHEDULE = "5s,5m,30m,2h,5h,10h,14h,20h,20h";

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_ALLOW_HTTP", defaultValue = "false")
  boolean allowHttp;

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_ALLOW_PRIVATE", defaultValue = "false")
  String allowPrivate;

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_RETRY_SCHEDULE", defaultValue = DEFAULT_SCHEDULE)
  String schedule;

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_DISABLE_AFTER", defaultValue = "3d")
  String disableAfter;

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_POLL_SECONDS", defaultValue = "5")
  long pollSeconds;

  @Inject
  @ConfigProperty(name = "ROSTER_WEBHOOKS_TIMEOUT_SECONDS", defaultValue = "10")
  long timeoutSeconds;

  private Destinations destinations;
  private List<Duration> waits;
  private Duration failingLimit;

  @PostConstruct
  void read() {
    destinations = new Destinations(allowHttp, allowPrivate);
    waits = durations(schedule, "ROSTER_WEBHOOKS_RETRY_SCHEDULE");
    failingLimit = durations(disableAfter, "ROSTER_WEBHOOKS_DISABLE_AFTER").get(0);
  }

  Destinations destinations() {
    return destinations;
  }

  /** The wait after the {@code attempt}-th failure, or empty when that was the last attempt. */
  java.util.Optional<Duration> waitAfter(int attempt) {
    return attempt <= waits.size()
        ? java.util.Optional.of(waits.get(attempt - 1))
        : java.util.Optional.empty();
  }

  /** How long an endpoint fails, every attempt, before it is turned off. */
  Duration failingLimit() {
    return failingLimit;
  }

  long pollSeconds() {
    return pollSeconds;
  }

  /** The connect timeout, and the longest wait for each part of an answer. */
  Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** Durations such as {@code 5s,5m,2h,3d}; fails start-up on anything else. */
  static List<Duration> durations(String text, String setting) {
    List<Duration> parsed = new ArrayList<>();
    for (String part : text.split(",")) {
      String item = part.strip().toLowerCase(Locale.ROOT);
      if (item.length() < 2) {
        throw new IllegalArgumentException(setting + ": not a duration such as 5s, 5m, 2h or 3d");
      }
      long amount;
      try {
        amount = Long.parseLong(item.substring(0, item.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting + ": not a duration: " + item, e);
      }
      parsed.add(
          switch (item.charAt(item.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(setting + ": not a duration: " + item);
          });
    }
    return List.copyOf(parsed);
  }
}
