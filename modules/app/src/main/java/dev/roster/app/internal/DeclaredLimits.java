package dev.roster.app.internal;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares, on every operation that takes a body, the 413 that the body limit answers before the
 * operation runs (dev.roster.kernel.internal.BodyLimitFilter): a limit that applies to every such
 * operation is declared in one place rather than on each.
 */
public class DeclaredLimits implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (operation.getRequestBody() != null
        && responses != null
        && !responses.hasAPIResponse("413")) {
      responses.addAPIResponse(
          "413", OASFactory.createAPIResponse().ref("#/components/responses/payloadTooLarge"));
    }
    return operation;
  }
}
