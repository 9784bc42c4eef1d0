package dev.roster.kernel.internal;

import dev.roster.kernel.Measures;
import dev.roster.kernel.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every problem JAX-RS answers with, by type and status, whichever mapper or resource made
 * it; those written by servlet filters are counted by {@link dev.roster.kernel.ServletProblems}.
 */
@Provider
public class ProblemCounter implements ContainerResponseFilter {

  @Inject Measures measures;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem) {
      measures.problem(problem.type(), problem.status());
    }
  }
}
