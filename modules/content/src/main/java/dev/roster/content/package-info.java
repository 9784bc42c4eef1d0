/**
 * Content registry: the tenant's owned resources (projects, reports, datasets, sources,
 * conversations), their owners, visibility and collaborators, so that ownership can move. Fires
 * {@link dev.roster.content.ContentCreated} and {@link dev.roster.content.ContentReassigned};
 * observes {@link dev.roster.organisation.MemberRemoved} to apply the removal's content option.
 */
package dev.roster.content;
