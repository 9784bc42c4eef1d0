package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Who is calling and under which request id. Filled once per HTTP request by the web layer, and
 * read by services and the audit trail. Work outside a request (start-up) has neither.
 */
@ApplicationScoped
public class CallContext {

  private record State(String requestId, Caller caller, Deque<Scope> bound) {}

  private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

  /**
   * Enters a call with the given request id and (possibly absent) caller until the scope closes.
   */
  public Scope open(String requestId, Caller caller) {
    State previous = CURRENT.get();
    State state = new State(requestId, caller, new ArrayDeque<>());
    CURRENT.set(state);
    return () -> {
      // scopes bound to the call close first, newest first, whatever happened in the request
      while (!state.bound().isEmpty()) {
        state.bound().pop().close();
      }
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /**
   * Keeps {@code scope} open until the current call ends, for contexts entered by a step that does
   * not wrap the rest of the request (a JAX-RS filter). Fails outside a call.
   */
  public void bind(Scope scope) {
    State state = CURRENT.get();
    if (state == null) {
      scope.close();
      throw new IllegalStateException("no call to bind a scope to");
    }
    state.bound().push(scope);
  }

  /** The request id of the current call, if any. */
  public Optional<String> requestId() {
    State state = CURRENT.get();
    return state == null ? Optional.empty() : Optional.ofNullable(state.requestId());
  }

  /** The authenticated caller, if any. */
  public Optional<Caller> caller() {
    State state = CURRENT.get();
    return state == null ? Optional.empty() : Optional.ofNullable(state.caller());
  }

  /**
   * The authenticated caller acting as themselves, not through a personal API key or SCIM token:
   * for what keys must never do (manage the account, keys or sessions). 401 without a caller, 403
   * for a key or token.
   */
  public Caller requirePerson() {
    Caller caller = requireCaller();
    if (caller.viaApiKey() || caller.viaDirectory()) {
      throw new ProblemException(
          403,
          "api-key-not-allowed",
          "Not with an API key",
          "API keys act on an organisation's data only; sign in to do this.");
    }
    return caller;
  }

  /** The authenticated caller; a 401 problem when there is none. */
  public Caller requireCaller() {
    return caller().orElseThrow(() -> Problems.unauthorized("Authentication is required."));
  }
}
