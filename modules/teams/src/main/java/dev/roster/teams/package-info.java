/**
 * Teams: named groups inside an organisation with their own roles and exactly one owner. Its model
 * and API arrive with the teams issue; today the module only takes its place in the module graph.
 */
package dev.roster.teams;
