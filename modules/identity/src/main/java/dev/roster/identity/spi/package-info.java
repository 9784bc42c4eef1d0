/**
 * The identity module's extension points, implemented by modules above it: the organisations an
 * account belongs to ({@link dev.roster.identity.spi.AccountOrganisations}) and the value it
 * answers with. Public like the module's root package.
 */
package dev.roster.identity.spi;
