package dev.roster.domains;

import java.util.List;

/**
 * Looks up DNS TXT records. The default asks the system's resolvers, or the one {@code
 * ROSTER_DNS_RESOLVER} names ({@code host} or {@code host:port}), which is how tests put their own
 * DNS server in front.
 */
public interface TxtRecords {

  /** The TXT strings at {@code name}, each record's strings joined; empty when there are none. */
  List<String> lookup(String name);
}
