package dev.roster.domains.internal;

import dev.roster.domains.TxtRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** TXT lookups with dnsjava, uncached so that a record just published is seen at once. */
@ApplicationScoped
class DnsTxtRecords implements TxtRecords {

  private static final Logger LOG = Logger.getLogger(DnsTxtRecords.class.getName());

  @Inject
  @ConfigProperty(name = "ROSTER_DNS_RESOLVER")
  Optional<String> resolver;

  @Override
  public List<String> lookup(String name) {
    try {
      Lookup lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), Type.TXT);
      lookup.setCache(null);
      resolver().ifPresent(lookup::setResolver);
      Record[] records = lookup.run();
      List<String> values = new ArrayList<>();
      if (records != null) {
        for (Record record : records) {
          if (record instanceof TXTRecord txt) {
            values.add(String.join("", txt.getStrings()));
          }
        }
      }
      return values;
    } catch (TextParseException e) {
      return List.of();
    }
  }

  private Optional<Resolver> resolver() {
    Optional<String> configured = resolver.filter(s -> !s.isBlank());
    if (configured.isEmpty()) {
      return Optional.empty();
    }
    String value = configured.get().strip();
    int colon = value.lastIndexOf(':');
    try {
      SimpleResolver simple = new SimpleResolver(colon > 0 ? value.substring(0, colon) : value);
      if (colon > 0) {
        simple.setPort(Integer.parseInt(value.substring(colon + 1)));
      }
      simple.setTimeout(Duration.ofSeconds(5));
      return Optional.of(simple);
    } catch (UnknownHostException | NumberFormatException e) {
      LOG.log(Level.WARNING, "ROSTER_DNS_RESOLVER is not host or host:port: " + value, e);
      return Optional.empty();
    }
  }
}
