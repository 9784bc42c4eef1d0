/**
 * Teams: named groups inside an organisation with their own roles ({@link TeamRole}) and exactly
 * one owner. {@link Teams} is the service behind the REST resource; {@link TeamAccess} answers
 * other modules' questions about team membership. The module reacts to {@code MemberRemoved} by
 * taking the member out of every team and giving the teams they owned a new owner.
 */
package dev.roster.teams;
