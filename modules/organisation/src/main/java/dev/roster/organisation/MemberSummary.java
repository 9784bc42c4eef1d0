package dev.roster.organisation;

import java.util.Map;

/**
 * Member totals of an organisation; removed members are not counted.
 *
 * @param total all current members
 * @param admins members with the admin role
 * @param roles members per org role
 * @param statuses members per state: active, inactive, suspended
 * @param withoutTwoFactor current members whose account signs in without a second factor
 */
public record MemberSummary(
    long total,
    long admins,
    Map<String, Long> roles,
    Map<String, Long> statuses,
    long withoutTwoFactor) {}
