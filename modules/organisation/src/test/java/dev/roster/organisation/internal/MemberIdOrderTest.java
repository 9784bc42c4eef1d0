package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberStore#inIdOrder} orders ids as PostgreSQL orders {@code uuid}: byte by byte,
 * unsigned, which is the order of their lower-case text. Two locks taken in the other order than
 * the database's {@code order by id} can deadlock with it.
 */
class MemberIdOrderTest {

  @Test
  void idsCompareAsTheirBytesUnsigned() {
    UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
    UUID low = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
    assertTrue(high.compareTo(low) < 0, "UUID.compareTo is signed");
    assertTrue(MemberStore.inIdOrder(high, low) > 0);
    assertTrue(MemberStore.inIdOrder(low, high) < 0);
    UUID lowTail = UUID.fromString("00000000-0000-4000-0000-000000000001");
    UUID highTail = UUID.fromString("00000000-0000-4000-ffff-000000000000");
    assertTrue(MemberStore.inIdOrder(lowTail, highTail) < 0);
    assertEquals(0, MemberStore.inIdOrder(high, UUID.fromString(high.toString())));
  }

  @Test
  void randomIdsSortAsTheirText() {
    Random random = new Random(42);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()));
    }
    List<UUID> byText = new ArrayList<>(ids);
    byText.sort(Comparator.comparing(UUID::toString));
    List<UUID> byOrder = new ArrayList<>(ids);
    byOrder.sort(MemberStore::inIdOrder);
    assertEquals(byText, byOrder);
  }
}
