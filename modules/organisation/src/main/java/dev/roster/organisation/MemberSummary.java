package dev.roster.organisation;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Member totals of an organisation; removed members are not counted.
 *
 * @param total all current members
 * @param admins members with the top role
 * @param roles members per org role
 * @param statuses members per state: active, inactive, suspended
 * @param withoutTwoFactor current members whose account signs in without a second factor
 * @param subscribers current members holding a subscriber seat
 * @param subscriberLimit the most subscribers allowed, or null for no limit
 * @param seatsUsed current members plus pending invitations, as the member limit counts them
 * @param memberLimit the most members plus pending invitations allowed, or null for no limit
 */
public record MemberSummary(
    long total,
    long admins,
    Map<String, Long> roles,
    Map<String, Long> statuses,
    long withoutTwoFactor,
    long subscribers,
    @Schema(nullable = true) Integer subscriberLimit,
    long seatsUsed,
    @Schema(nullable = true) Integer memberLimit) {}
