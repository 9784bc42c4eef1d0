package dev.roster.organisation;

import dev.roster.kernel.MemberId;

/**
 * Who a member is, for other modules that list members (such as a team's members).
 *
 * @param id the member id
 * @param name the member's name
 * @param email the member's email
 * @param active whether the member may use the organisation now (not suspended, not removed)
 */
public record MemberCard(MemberId id, String name, String email, boolean active) {}
