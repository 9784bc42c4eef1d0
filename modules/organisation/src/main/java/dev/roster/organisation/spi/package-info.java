/**
 * The organisation module's extension points: interfaces that other modules implement so that the
 * organisation can ask them without depending on them (a member's teams, content and recent
 * activity for the directory; the ordered steps of a removal), and the values they exchange. Public
 * like the module's root package; {@code ModularityTest} checks that it holds only interfaces and
 * records.
 */
package dev.roster.organisation.spi;
