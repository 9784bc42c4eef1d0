package dev.roster.content.internal;

import static dev.roster.organisation.ContentOption.CONVERT_TO_SHARED;
import static dev.roster.organisation.ContentOption.DELETE;
import static dev.roster.organisation.ContentOption.TRANSFER_TO_ADMIN;
import static dev.roster.organisation.ContentOption.TRANSFER_TO_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roster.organisation.ContentOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a removal does with each item its member owns. */
class SettlementTest {

  @Test
  void aTransferGivesPrivateItemsToTheReceiver() {
    assertEquals(Settlement.TO_RECEIVER, Settlement.of(false, false, TRANSFER_TO_ADMIN, true));
    assertEquals(Settlement.TO_RECEIVER, Settlement.of(false, false, TRANSFER_TO_MEMBER, true));
  }

  @Test
  void aTransferGivesTeamItemsToTheReceiverToo() {
    assertEquals(Settlement.TO_RECEIVER, Settlement.of(true, false, TRANSFER_TO_MEMBER, true));
  }

  @ParameterizedTest
  @EnumSource(
      value = ContentOption.class,
      names = {"CONVERT_TO_SHARED", "DELETE"})
  void withoutAReceiverTeamItemsStayWithTheTeamsOwner(ContentOption option) {
    assertEquals(Settlement.TO_TEAM_OWNER, Settlement.of(true, false, option, false));
  }

  @Test
  void convertingSharesEveryOtherItemWithTheOrganisation() {
    assertEquals(Settlement.TO_ORGANISATION, Settlement.of(false, false, CONVERT_TO_SHARED, false));
    assertEquals(Settlement.TO_ORGANISATION, Settlement.of(false, true, CONVERT_TO_SHARED, false));
  }

  @Test
  void deletingDeletesPrivateItems() {
    assertEquals(Settlement.DELETED, Settlement.of(false, false, DELETE, false));
  }

  @Test
  void deletingNeverDeletesWhatTheOrganisationShares() {
    assertEquals(Settlement.TO_ORGANISATION, Settlement.of(false, true, DELETE, false));
  }
}
