package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads UUID query parameters so that a malformed one is a 400 validation problem naming the
 * parameter. Left to itself, JAX-RS answers a query parameter it cannot convert with 404.
 */
@Provider
public class UuidQueryParameters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType != UUID.class) {
      return null;
    }
    return Arrays.stream(annotations)
        .filter(QueryParam.class::isInstance)
        .map(a -> ((QueryParam) a).value())
        .findFirst()
        .map(name -> (ParamConverter<T>) new Converter(name))
        .orElse(null);
  }

  private record Converter(String name) implements ParamConverter<UUID> {

    @Override
    public UUID fromString(String value) {
      if (value == null) {
        return null;
      }
      try {
        return UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw new WebApplicationException(
            Response.status(400)
                .type(ProblemResponses.MEDIA_TYPE)
                .entity(Problems.invalidField(name, "must be a UUID").problem())
                .build());
      }
    }

    @Override
    public String toString(UUID value) {
      return value.toString();
    }
  }
}
