/**
 * SCIM 2.0 per organisation (RFC 7643, RFC 7644): an identity provider provisions the
 * organisation's members as Users and its teams as Groups, with tokens the organisation's admins
 * issue ({@code ScimTokenChanged}). Every change goes through the members and teams services under
 * the REST API's rules, so it fires their events ({@code MemberJoined}, {@code MemberSuspended},
 * {@code TeamCreated} ...) and is audited with source {@code scim}. It observes no events: it reads
 * members and teams from their tables to filter and page (ADR 0026).
 */
package dev.roster.scim;
