package dev.roster.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure that the REST layer turns into its {@link Problem} response as it is. */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Map<String, String> headers = new LinkedHashMap<>();

  /** Wraps the given problem. */
  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  /** Builds the problem from its parts; {@code type} is a name under {@link Problems#BASE}. */
  public ProblemException(int status, String type, String title, String detail) {
    this(new Problem(Problems.BASE + type, title, status, detail, List.of()));
  }

  /** The problem to answer with. */
  public Problem problem() {
    return problem;
  }

  /** Adds a response header, such as {@code Retry-After}; returns this exception. */
  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Extra response headers to send with the problem. */
  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
