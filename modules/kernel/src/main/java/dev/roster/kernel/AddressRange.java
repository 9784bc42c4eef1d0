package dev.roster.kernel;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of IP addresses, such as {@code 10.0.0.0/8} or {@code fd00::/8}: its first {@code bits}
 * bits. For settings that name addresses (trusted proxies, allowed webhook destinations).
 *
 * @param base the block's address
 * @param bits how many leading bits an address shares with it to belong
 */
public record AddressRange(byte[] base, int bits) {

  /**
   * The blocks of a comma-separated list ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code [::1]}); an
   * {@link IllegalArgumentException} naming {@code setting} for anything else, so that a wrong
   * setting stops the start.
   */
  public static List<AddressRange> parse(String list, String setting) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String item : list.split(",")) {
      String s = item.strip();
      if (s.isEmpty()) {
        continue;
      }
      int slash = s.indexOf('/');
      InetAddress base = ClientAddresses.address(slash < 0 ? s : s.substring(0, slash));
      if (base == null) {
        throw new IllegalArgumentException(setting + ": not an address: " + s);
      }
      int max = base.getAddress().length * 8;
      int bits;
      try {
        bits = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting + ": not a prefix length: " + s, e);
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException(setting + ": not a prefix length: " + s);
      }
      ranges.add(new AddressRange(base.getAddress(), bits));
    }
    return List.copyOf(ranges);
  }

  /** Whether {@code address} belongs to the block. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != base.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((a[i / 8] & mask) != (base[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
