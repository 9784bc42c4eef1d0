/**
 * Content registry: the tenant's owned resources (projects, reports, datasets, sources,
 * conversations) and their owners, so that ownership can move when a member is removed. Its model
 * and API arrive with the members issue; today the module only takes its place in the module graph.
 */
package dev.roster.content;
