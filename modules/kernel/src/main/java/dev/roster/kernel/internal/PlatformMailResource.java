package dev.roster.kernel.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The mail outbox for operators (platform admins): emails waiting or given up, retried or
 * discarded. Bodies are never shown; they stay sealed in the outbox (ADR 0012).
 */
@ApplicationScoped
@Path("/platform/mail")
@Tag(name = "Platform", description = "Operations of platform admins across organisations.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformMailResource {

  private static final Logger LOG = Logger.getLogger(PlatformMailResource.class.getName());

  @Inject TenantData data;
  @Inject CallContext calls;
  @Inject Clock clock;

  @GET
  @Transactional
  @Operation(
      operationId = "listQueuedMail",
      summary = "List queued or failed emails",
      description =
          "Emails in the outbox with the given status, newest first, paged by cursor: failed ones"
              + " (given up after the last attempt; kept until the mail retention ends) or pending"
              + " ones (waiting or retrying). Platform admins only.")
  @APIResponse(
      responseCode = "200",
      description = "One page of emails.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = QueuedMailPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  public Page<QueuedMail> list(
      @Parameter(
              description = "failed (the default) or pending.",
              schema = @Schema(enumeration = {"failed", "pending"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    requirePlatformAdmin();
    String wanted = status == null ? OutboxEntry.FAILED : status;
    if (!wanted.equals(OutboxEntry.FAILED) && !wanted.equals(OutboxEntry.PENDING)) {
      throw Problems.invalidField("status", "must be failed or pending");
    }
    PageRequest page = PageRequest.of(limit, cursor);
    Optional<PageRequest.Keyset> after = page.afterKeyset();
    String keyset =
        after.isPresent() ? " and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))" : "";
    var query =
        data.platform()
            .createQuery(
                "select e from OutboxEntry e where e.status = :status"
                    + keyset
                    + " order by e.createdAt desc, e.id desc",
                OutboxEntry.class)
            .setParameter("status", wanted)
            .setMaxResults(page.limit() + 1);
    after.ifPresent(
        k -> query.setParameter("at", k.value(Instant::parse)).setParameter("id", k.id()));
    List<QueuedMail> fetched = query.getResultList().stream().map(OutboxEntry::view).toList();
    return page.page(fetched, m -> PageRequest.keyset(m.id(), m.createdAt().toString()));
  }

  @POST
  @Path("/{id}/retry")
  @Transactional
  @Operation(
      operationId = "retryQueuedMail",
      summary = "Retry an email",
      description =
          "Queues a failed or pending email to go now, with a fresh count of attempts. Waits for a"
              + " send in progress. 409 mail-not-retryable for a failed email whose body was not"
              + " kept (given up before bodies were kept). Platform admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The email, pending again.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = QueuedMail.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public QueuedMail retry(@PathParam("id") UUID id) {
    requirePlatformAdmin();
    OutboxEntry entry = held(id);
    if (!entry.retry(clock.instant())) {
      throw new ProblemException(
          409,
          "mail-not-retryable",
          "Email cannot be retried",
          "This email was given up before failed emails kept their body; nothing is left to send.");
    }
    LOG.info(
        "Email " + id + " queued again by platform admin " + calls.requireCaller().accountId());
    return entry.view();
  }

  @DELETE
  @Path("/{id}")
  @Transactional
  @Operation(
      operationId = "discardQueuedMail",
      summary = "Discard an email",
      description =
          "Removes a failed or pending email from the outbox, body and all: it will not be sent."
              + " Waits for a send in progress; an email sent meanwhile is no longer there (404)."
              + " Platform admins only.")
  @APIResponse(responseCode = "204", description = "Discarded.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public void discard(@PathParam("id") UUID id) {
    requirePlatformAdmin();
    data.platform().remove(held(id));
    LOG.info("Email " + id + " discarded by platform admin " + calls.requireCaller().accountId());
  }

  /** The pending or failed email, locked (after any send that holds it); 404 otherwise. */
  private OutboxEntry held(UUID id) {
    EntityManager em = data.platform();
    OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || OutboxEntry.SENT.equals(entry.status())) {
      throw Problems.notFound("No queued or failed email " + id + ".");
    }
    return entry;
  }

  private void requirePlatformAdmin() {
    if (!calls.requireCaller().platformAdmin()) {
      throw Problems.forbidden("Only platform admins may administer the mail outbox.");
    }
  }

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "QueuedMailPage")
  public record QueuedMailPage(List<QueuedMail> items, @Schema(nullable = true) String next) {}
}
