/**
 * Content registry: the tenant's owned resources (projects, reports, datasets, sources,
 * conversations), their owners, visibility and collaborators, so that ownership can move. Fires the
 * content events (listed in docs/modules.md); applies a removal's content option as the removal's
 * second step ({@link dev.roster.organisation.spi.ContentSettlement}).
 */
package dev.roster.content;
