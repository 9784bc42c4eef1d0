package dev.roster.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import dev.roster.kernel.DomainEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the module map ({@code docs/modules.md}) from the compiled classes, so that it cannot
 * drift from the code: {@link ModularityTest#theModuleMapIsCurrent} fails when the committed file
 * differs.
 */
final class ModuleMap {

  private static final Map<Class<?>, String> VERBS =
      Map.of(
          GET.class, "GET",
          POST.class, "POST",
          PUT.class, "PUT",
          PATCH.class, "PATCH",
          DELETE.class, "DELETE");

  private ModuleMap() {}

  static String of(JavaClasses classes, Map<String, Set<String>> allowed) {
    String base =
        classes.stream()
            .filter(c -> c.isAnnotatedWith(ApplicationPath.class))
            .map(c -> c.getAnnotationOfType(ApplicationPath.class).value())
            .findFirst()
            .orElse("");
    StringBuilder out = new StringBuilder();
    out.append("# Roster's modules\n\n")
        .append(
            "Written by `ModularityTest` from the compiled code; the build fails when this file")
        .append(" is out of date\n(`./mvnw test -pl modules/app -Droster.modules.write=true`")
        .append(" rewrites it). A module is the package\n`dev.roster.<name>`: its root package is")
        .append(" its API, `internal` is its own (ADR 0006).\n");
    List<String> modules = new ArrayList<>(allowed.keySet());
    // from the module that uses nothing to the one that uses everything; the generated client last
    modules.sort(
        Comparator.comparing((String m) -> m.equals("client"))
            .thenComparingInt(m -> reach(m, allowed))
            .thenComparing(m -> m));
    for (String module : modules) {
      List<JavaClass> own =
          classes.stream()
              .filter(c -> module.equals(ModularityTest.module(c)))
              .filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
              .sorted(Comparator.comparing(JavaClass::getName))
              .toList();
      out.append("\n## ").append(module).append("\n\n");
      out.append("Uses: ")
          .append(
              allowed.get(module).isEmpty()
                  ? "nothing else"
                  : allowed.get(module).stream().sorted().collect(Collectors.joining(", ")))
          .append(".\n\n");
      if (module.equals("client")) {
        out.append("Generated at build time from `openapi/roster.yaml` (openapi-generator, Java")
            .append(" `native`)\nfor the tests and for SaaS backends; no server module uses it.\n");
        continue;
      }
      List<JavaClass> api =
          own.stream()
              .filter(c -> c.getPackageName().equals("dev.roster." + module))
              .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
              .toList();
      List<JavaClass> events =
          api.stream().filter(c -> c.isAssignableTo(DomainEvent.class)).toList();
      line(
          out,
          "API",
          api.stream()
              .filter(c -> !c.isAssignableTo(DomainEvent.class))
              .map(JavaClass::getSimpleName)
              .toList());
      line(out, "Events it declares", events.stream().map(JavaClass::getSimpleName).toList());
      line(
          out,
          "Extension points it offers (spi)",
          own.stream()
              .filter(c -> c.getPackageName().equals("dev.roster." + module + ".spi"))
              .filter(JavaClass::isInterface)
              .map(JavaClass::getSimpleName)
              .filter(name -> !name.equals("package-info"))
              .toList());
      line(out, "Events it observes", observed(classes, module));
      line(out, "Implements for other modules", implemented(own, module));
      line(out, "REST", operations(own, base));
      List<String> problems = problemTypes(module);
      if (!problems.isEmpty()) {
        out.append("- **Problem types it answers with** (under `https://roster.dev/problems/`): ")
            .append(String.join(", ", problems))
            .append("\n");
      }
    }
    return out.toString();
  }

  /** A status, then a type: {@code new ProblemException(409, "team-owner", ...)}. */
  private static final Pattern STATUS_THEN_TYPE =
      Pattern.compile("\\(\\s*(\\d{3})\\s*,\\s*\"([a-z][a-z-]*)\"");

  /** A helper that fixes the status: {@code conflict("already-member", ...)} and kin. */
  private static final Pattern HELPER_THEN_TYPE =
      Pattern.compile("\\b(conflict|rule|gone)\\(\\s*\"([a-z][a-z-]*)\"");

  /** A mapped status: {@code case 406 -> fixed(status, "not-acceptable", ...)}. */
  private static final Pattern CASE_THEN_TYPE =
      Pattern.compile("case (\\d{3}) ->\\s*\\w+\\(\\s*status,\\s*\"([a-z][a-z-]*)\"");

  /** A problem built whole: {@code new Problem(BASE + "validation", "Invalid input", 400, ...)}. */
  private static final Pattern BASE_THEN_TYPE =
      Pattern.compile("BASE\\s*\\+\\s*\"([a-z][a-z-]*)\"(?:\\s*,\\s*\"[^\"]*\"\\s*,\\s*(\\d{3}))?");

  private static final Map<String, String> HELPER_STATUS =
      Map.of("conflict", "409", "rule", "403", "gone", "410");

  /**
   * The problem types the module's own code creates, each with its status where the code fixes one,
   * read from its sources: a type is a string literal, which compiled code does not expose.
   */
  static List<String> problemTypes(String module) {
    Map<String, String> found = new java.util.TreeMap<>();
    java.nio.file.Path sources = java.nio.file.Path.of("..", module, "src", "main", "java");
    if (!java.nio.file.Files.isDirectory(sources)) {
      return List.of();
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(sources)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = java.nio.file.Files.readString(file);
        Matcher m = STATUS_THEN_TYPE.matcher(code);
        while (m.find()) {
          found.put(m.group(2), m.group(1));
        }
        m = HELPER_THEN_TYPE.matcher(code);
        while (m.find()) {
          found.put(m.group(2), HELPER_STATUS.get(m.group(1)));
        }
        m = CASE_THEN_TYPE.matcher(code);
        while (m.find()) {
          found.put(m.group(2), m.group(1));
        }
        m = BASE_THEN_TYPE.matcher(code);
        while (m.find()) {
          found.putIfAbsent(m.group(1), m.group(2));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return found.entrySet().stream()
        .map(e -> "`" + e.getKey() + "`" + (e.getValue() == null ? "" : " " + e.getValue()))
        .toList();
  }

  /** How many modules {@code module} reaches, directly or not: the order of the map. */
  private static int reach(String module, Map<String, Set<String>> allowed) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(allowed.getOrDefault(module, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(allowed.getOrDefault(next, Set.of()));
      }
    }
    return seen.size();
  }

  private static void line(StringBuilder out, String label, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append("- **")
        .append(label)
        .append(":** ")
        .append(items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
        .append("\n");
  }

  /** Event types observed by the module's methods ({@code @Observes}), each with its observer. */
  private static List<String> observed(JavaClasses classes, String module) {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : classes) {
      if (!module.equals(ModularityTest.module(type))) {
        continue;
      }
      for (JavaMethod method : type.getMethods()) {
        for (JavaParameter parameter : method.getParameters()) {
          if (parameter.isAnnotatedWith(Observes.class)) {
            found.add(
                parameter.getRawType().getSimpleName() + "` in `" + outer(type).getSimpleName());
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /** Interfaces of another module's API that this module's classes implement. */
  private static List<String> implemented(List<JavaClass> own, String module) {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : own) {
      for (JavaClass implemented : type.getRawInterfaces()) {
        String other = ModularityTest.module(implemented);
        // an event is a fact the module declares, not a seam: it is listed with the events
        if (other != null
            && !other.equals(module)
            && !implemented.isAssignableTo(DomainEvent.class)) {
          found.add(implemented.getSimpleName() + "` (" + other + ") by `" + type.getSimpleName());
        }
      }
    }
    return List.copyOf(found);
  }

  /** {@code VERB /path} of every resource method in the module, in path order. */
  private static List<String> operations(List<JavaClass> own, String base) {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : own) {
      if (!type.isAnnotatedWith(Path.class)) {
        continue;
      }
      String root = base + type.getAnnotationOfType(Path.class).value();
      for (JavaMethod method : type.getMethods()) {
        for (Map.Entry<Class<?>, String> verb : VERBS.entrySet()) {
          @SuppressWarnings("unchecked")
          Class<? extends java.lang.annotation.Annotation> annotation =
              (Class<? extends java.lang.annotation.Annotation>) verb.getKey();
          if (method.isAnnotatedWith(annotation)) {
            String sub =
                method.isAnnotatedWith(Path.class)
                    ? method.getAnnotationOfType(Path.class).value()
                    : "";
            found.add(join(root, sub) + " " + verb.getValue());
          }
        }
      }
    }
    // shown as "VERB path", sorted by path then verb
    return found.stream()
        .map(
            entry -> {
              int space = entry.lastIndexOf(' ');
              return entry.substring(space + 1) + " " + entry.substring(0, space);
            })
        .toList();
  }

  private static String join(String root, String sub) {
    String path = (root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static JavaClass outer(JavaClass type) {
    JavaClass at = type;
    while (at.getEnclosingClass().isPresent()) {
      at = at.getEnclosingClass().get();
    }
    return at;
  }
}
