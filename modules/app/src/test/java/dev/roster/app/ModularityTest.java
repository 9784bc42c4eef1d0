package dev.roster.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The living map of Roster's modules. A module is a package {@code dev.roster.<name>}; its root
 * package is its API, {@code internal} is its own. The build fails when a module reaches into
 * another's internals, when modules form a cycle, or when a module uses one it does not declare.
 */
class ModularityTest {

  /** Which modules each module may use, besides itself: the Maven dependencies, one way. */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("kernel", Set.of()),
          Map.entry("identity", Set.of("kernel")),
          Map.entry("organisation", Set.of("kernel", "identity")),
          Map.entry("domains", Set.of("kernel", "identity", "organisation")),
          Map.entry("teams", Set.of("kernel", "organisation")),
          Map.entry("content", Set.of("kernel", "organisation", "teams")),
          Map.entry(
              "invitations", Set.of("kernel", "identity", "organisation", "teams", "content")),
          Map.entry("audit", Set.of("kernel", "identity", "organisation")),
          Map.entry("webhooks", Set.of("kernel", "organisation")),
          Map.entry("scim", Set.of("kernel", "identity", "organisation", "teams")),
          Map.entry("console", Set.of("kernel", "identity", "organisation")),
          // generated from openapi/roster.yaml for the tests; no server module may use it
          Map.entry("client", Set.of()),
          Map.entry(
              "app",
              Set.of(
                  "kernel",
                  "identity",
                  "organisation",
                  "domains",
                  "content",
                  "teams",
                  "invitations",
                  "audit",
                  "webhooks",
                  "scim",
                  "console")));

  static final JavaClasses ROSTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.roster");

  @Test
  void everyModuleIsKnown() {
    ArchRuleDefinition.classes()
        .should(
            new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                "belong to a module named in ALLOWED") {
              @Override
              public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                if (!ALLOWED.containsKey(module(type))) {
                  events.add(
                      com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                          type, type.getName() + " is in no known module"));
                }
              }
            })
        .check(ROSTER);
  }

  @Test
  void modulesDoNotReachIntoEachOthersInternals() {
    for (String module : ALLOWED.keySet()) {
      ArchRule rule =
          ArchRuleDefinition.noClasses()
              .that()
              .resideOutsideOfPackage("dev.roster." + module + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("dev.roster." + module + ".internal..")
              .allowEmptyShould(true);
      rule.check(ROSTER);
    }
  }

  /**
   * A module's {@code spi} package is public, like its root package: the extension points other
   * modules implement and the values they exchange, so only interfaces and records.
   */
  @Test
  void extensionPointsAreInterfacesAndRecords() {
    ArchRuleDefinition.classes()
        .that()
        .resideInAPackage("dev.roster.*.spi..")
        .and()
        .doNotHaveSimpleName("package-info")
        .should(
            new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be an interface or a record") {
              @Override
              public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                if (!type.isInterface() && !type.isRecord()) {
                  events.add(
                      com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                          type, type.getName() + " is neither an interface nor a record"));
                }
              }
            })
        .allowEmptyShould(true)
        .check(ROSTER);
  }

  /** Names that say a value is the id of an account, an organisation, a member or a team. */
  private static final java.util.regex.Pattern TYPED_ID_NAME =
      java.util.regex.Pattern.compile(
          "(?:\\w*(?:[oO]rg|[mM]ember|[aA]ccount|[tT]eam)Id|member|team|owner|receiver|successor)");

  /**
   * At module boundaries ids are typed (ADR 0006): events, the interfaces of a module's API and its
   * extension points, and the records they exchange carry {@code AccountId}, {@code OrgId}, {@code
   * MemberId} and {@code TeamId}, never a bare UUID under such a name. Records the API serves or
   * reads as JSON (their components documented with {@code @Schema}) keep UUIDs.
   */
  @Test
  void idsAtModuleBoundariesAreTyped() {
    java.util.List<String> bare = new java.util.ArrayList<>();
    for (JavaClass type : ROSTER) {
      String pkg = type.getPackageName();
      boolean api = pkg.matches("dev\\.roster\\.\\w+") || pkg.matches("dev\\.roster\\.\\w+\\.spi");
      if (!api || pkg.startsWith("dev.roster.client") || pkg.equals("dev.roster.kernel")) {
        continue;
      }
      Class<?> c = type.reflect();
      boolean event = dev.roster.kernel.DomainEvent.class.isAssignableFrom(c);
      if (c.isRecord() && (event || !servedAsJson(c))) {
        for (java.lang.reflect.RecordComponent component : c.getRecordComponents()) {
          if (component.getType() == java.util.UUID.class
              && TYPED_ID_NAME.matcher(component.getName()).matches()) {
            bare.add(c.getName() + "." + component.getName());
          }
        }
      }
      if (c.isInterface()) {
        for (java.lang.reflect.Method method : c.getDeclaredMethods()) {
          for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.getType() == java.util.UUID.class
                && TYPED_ID_NAME.matcher(parameter.getName()).matches()) {
              bare.add(c.getName() + "." + method.getName() + "(" + parameter.getName() + ")");
            }
          }
        }
      }
    }
    assertEquals(java.util.List.of(), bare, "bare UUIDs where a typed id belongs");
  }

  /**
   * Whether the record is a JSON body or answer: the published document names a schema after it
   * (openapi/roster.yaml, which the contract tests keep equal to what the server serves), by its
   * {@code @Schema} name when it gives one.
   */
  private static boolean servedAsJson(Class<?> record) {
    org.eclipse.microprofile.openapi.annotations.media.Schema named =
        record.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    String name = named != null && !named.name().isEmpty() ? named.name() : record.getSimpleName();
    return JSON_SCHEMAS.contains(name);
  }

  /** The schema names of the published document's components. */
  private static final Set<String> JSON_SCHEMAS = schemaNames();

  private static Set<String> schemaNames() {
    try {
      java.util.List<String> lines =
          Files.readAllLines(Path.of("../../openapi/roster.yaml"), StandardCharsets.UTF_8);
      Set<String> names = new java.util.HashSet<>();
      boolean inSchemas = false;
      for (String line : lines) {
        if (line.equals("  schemas:")) {
          inSchemas = true;
        } else if (inSchemas && line.matches("  \\S.*")) {
          break;
        } else if (inSchemas && line.matches("    [A-Za-z]\\w*:")) {
          names.add(line.strip().replace(":", ""));
        }
      }
      return Set.copyOf(names);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void modulesFormNoCycles() {
    slices().matching("dev.roster.(*)..").should().beFreeOfCycles().check(ROSTER);
  }

  @Test
  void modulesUseOnlyWhatTheyDeclare() {
    for (var entry : ALLOWED.entrySet()) {
      String module = entry.getKey();
      Set<String> allowed = entry.getValue();
      ArchRuleDefinition.noClasses()
          .that()
          .resideInAPackage("dev.roster." + module + "..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are in a module " + module + " does not declare",
                  (JavaClass target) -> {
                    String other = module(target);
                    return other != null && !other.equals(module) && !allowed.contains(other);
                  }))
          .allowEmptyShould(true)
          .check(ROSTER);
    }
  }

  /**
   * {@code docs/modules.md}, the module map, is what the compiled code says: per module, what it
   * uses, its API, the events it declares and observes, the interfaces of other modules it
   * implements, and its REST operations. {@code -Droster.modules.write=true} rewrites it.
   */
  @Test
  void theModuleMapIsCurrent() throws IOException {
    String map = ModuleMap.of(ROSTER, ALLOWED);
    Path file = Path.of(System.getProperty("roster.modules", "../../docs/modules.md"));
    if (Boolean.getBoolean("roster.modules.write")) {
      Files.writeString(file, map, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "",
        map,
        "docs/modules.md is out of date: run ./mvnw test -pl modules/app -Droster.modules.write=true"
            + " (after ./mvnw install -DskipTests) and review the diff");
  }

  static String module(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("dev.roster.")) {
      return null;
    }
    String rest = name.substring("dev.roster.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
