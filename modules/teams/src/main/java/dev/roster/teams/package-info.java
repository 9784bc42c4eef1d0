/**
 * Teams: named groups inside an organisation with their own roles ({@link TeamRole}) and exactly
 * one owner. {@link Teams} is the service behind the REST resource; {@link TeamAccess} answers
 * other modules' questions about team membership. As a removal's first step ({@link
 * dev.roster.organisation.spi.TeamHandover}) it takes the member out of every team and gives the
 * teams they owned a new owner. Its events, REST paths and problem types are listed in
 * docs/modules.md.
 */
package dev.roster.teams;
