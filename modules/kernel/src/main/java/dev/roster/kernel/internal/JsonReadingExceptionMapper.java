package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a body that is not the JSON the operation expects with a 400 problem. */
@Provider
public class JsonReadingExceptionMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return ProblemResponses.of(
        Problems.badRequest("The body is not valid JSON for this operation.").problem());
  }
}
