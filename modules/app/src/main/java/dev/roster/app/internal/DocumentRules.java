package dev.roster.app.internal;

import dev.roster.kernel.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What holds for every operation is declared here once, rather than copied onto each (issue 14):
 *
 * <ul>
 *   <li>every operation has a {@code default} problem response, so a generated client reads any
 *       error, 500 included, as a problem;
 *   <li>every operation with a body declares the 413 of the body limit (BodyLimitFilter) and the
 *       415 of a body of another type;
 *   <li>an operation that names no security is public, and says so ({@code security: []});
 *   <li>{@code limit} is bounded as PageRequest bounds it;
 *   <li>a CSV answer is a file ({@code format: binary}), so clients download it as bytes;
 *   <li>UUID patterns are anchored, so a client-side check matches the server's.
 * </ul>
 */
public class DocumentRules implements OASFilter {

  private static final String UUID_PATTERN =
      "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses != null) {
      if (operation.getRequestBody() != null) {
        declare(responses, "413", "payloadTooLarge");
        declare(responses, "415", "unsupportedMediaType");
      }
      if (operation.getRequestBody() != null
          || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
        // a parameter or body the server cannot read, or a path the container refuses
        declare(responses, "400", "validation");
      }
      // a token that is no longer valid is refused on any path, public ones included
      declare(responses, "401", "unauthorized");
      // an Accept header that allows neither the answer nor a problem
      declare(responses, "406", "notAcceptable");
      if (responses.getDefaultValue() == null) {
        responses.setDefaultValue(ref("problem"));
      }
      for (APIResponse response : responses.getAPIResponses().values()) {
        if (response.getContent() != null) {
          MediaType csv = response.getContent().getMediaType("text/csv");
          if (csv != null && csv.getSchema() != null) {
            csv.getSchema().setFormat("binary");
          }
        }
      }
    }
    if (operation.getSecurity() == null) {
      operation.setSecurity(new ArrayList<>());
    }
    return operation;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if ("limit".equals(parameter.getName())
        && parameter.getIn() == Parameter.In.QUERY
        && parameter.getSchema() != null) {
      parameter
          .getSchema()
          .minimum(BigDecimal.ONE)
          .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
          .defaultValue(PageRequest.DEFAULT_LIMIT);
    }
    return parameter;
  }

  @Override
  public Schema filterSchema(Schema schema) {
    if (UUID_PATTERN.equals(schema.getPattern())) {
      schema.setPattern("^" + UUID_PATTERN + "$");
    }
    return schema;
  }

  private static void declare(APIResponses responses, String status, String component) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, ref(component));
    }
  }

  private static APIResponse ref(String component) {
    return OASFactory.createAPIResponse().ref("#/components/responses/" + component);
  }
}
