package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers Bean Validation failures with a 400 validation problem that names each offending field by
 * its JSON name (the last path node, without the method and parameter prefix).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    return ProblemResponses.of(Problems.of(exception).problem());
  }
}
