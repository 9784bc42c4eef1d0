package dev.roster.kernel;

import java.util.Map;

/**
 * What one module holds for the organisation whose transaction is bound, counted for operators (the
 * platform's usage summary). Each module that owns tenant tables implements it as a CDI bean; the
 * summary asks every one inside one tenant-bound transaction, so a module counts its own tables and
 * no module reads another's.
 */
public interface UsageCounts {

  /**
   * Named counts, such as {@code members.active}; names are prefixed by what they count, so that
   * those of different modules never collide.
   */
  Map<String, Long> count(TenantData data);

  /**
   * Runs {@code sql}, one row of counts in the bound transaction, and names its columns in order.
   */
  static Map<String, Long> row(TenantData data, String sql, String... names) {
    Object result = data.entityManager().createNativeQuery(sql).getSingleResult();
    Object[] columns = result instanceof Object[] many ? many : new Object[] {result};
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      counts.put(names[i], ((Number) columns[i]).longValue());
    }
    return counts;
  }
}
