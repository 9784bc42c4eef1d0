package dev.roster.invitations;

import java.util.Optional;

/**
 * Which invitations a listing shows.
 *
 * @param status pending, resent, accepted, expired or revoked
 * @param search a case-insensitive part of the email
 */
public record InvitationFilter(Optional<String> status, Optional<String> search) {}
