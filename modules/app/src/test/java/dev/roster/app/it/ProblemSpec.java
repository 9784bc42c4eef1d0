package dev.roster.app.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;
import org.hamcrest.Matcher;

/**
 * The one way the tests expect an RFC 9457 problem: {@code .then().spec(problem(409,
 * "team-owner"))} checks the status, the {@code application/problem+json} media type, the stable
 * type and that the body repeats the status; {@link #problemType} matches a type alone, where a
 * test reads it from a body it holds.
 */
final class ProblemSpec {

  /** Prefix of every problem type. */
  static final String BASE = "https://roster.dev/problems/";

  private ProblemSpec() {}

  /** A problem answer with this status and type. */
  static ResponseSpecification problem(int status, String type) {
    return new ResponseSpecBuilder()
        .expectStatusCode(status)
        .expectHeader("Content-Type", startsWith("application/problem+json"))
        .expectBody("type", equalTo(BASE + type))
        .expectBody("status", equalTo(status))
        .build();
  }

  /** The full URI of a problem type, such as {@code team-owner}. */
  static Matcher<String> problemType(String type) {
    return equalTo(BASE + type);
  }
}
