package dev.roster.app.incontainer;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of the in-container tests: the application exactly as built, under another name,
 * with the test and the helpers the tests share (the database's rows, a new organisation).
 */
final class RosterArchive {

  private RosterArchive() {}

  static WebArchive of(Class<?> test) {
    File war = new File(System.getProperty("roster.war", "target/roster.war"));
    return ShrinkWrap.create(
            ZipImporter.class, "roster-" + test.getSimpleName().toLowerCase() + ".war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(test, Rows.class, Orgs.class);
  }
}
