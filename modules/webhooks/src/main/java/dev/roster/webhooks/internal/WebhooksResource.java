package dev.roster.webhooks.internal;

import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.webhooks.NewWebhook;
import dev.roster.webhooks.Redelivery;
import dev.roster.webhooks.RedeliveryQueued;
import dev.roster.webhooks.WebhookAttempt;
import dev.roster.webhooks.WebhookChange;
import dev.roster.webhooks.WebhookCreated;
import dev.roster.webhooks.WebhookDelivery;
import dev.roster.webhooks.WebhookEvent;
import dev.roster.webhooks.WebhookEventType;
import dev.roster.webhooks.WebhookSecret;
import dev.roster.webhooks.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organisation's webhook endpoints (issue 20); all for its admins. */
@ApplicationScoped
@Path("/orgs/{org}/webhooks")
@Tag(
    name = "Webhooks",
    description =
        "Signed messages (Standard Webhooks) to the organisation's own systems for every change;"
            + " the messages are described in the document's webhooks section.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject WebhooksService webhooks;

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List the webhook endpoints",
      description = "Every endpoint of the organisation (at most 20), oldest first. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoints.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<WebhookView> list(@PathParam("org") String org) {
    return webhooks.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebhook",
      summary = "Register a webhook endpoint",
      description =
          "The URL must be https (http only where the operator allows it) and must not reach a"
              + " loopback, private or link-local address; every address its host resolves to is"
              + " checked again on each send. The answer holds the signing secret, shown this"
              + " once. At most 20 endpoints. Admins only.")
  @APIResponse(
      responseCode = "201",
      description = "The endpoint and its secret; Location names the endpoint.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookCreated.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response create(@PathParam("org") String org, NewWebhook request, @Context UriInfo uri) {
    WebhookCreated made = webhooks.create(request);
    return Response.created(
            uri.getAbsolutePathBuilder().path(made.webhook().id().toString()).build())
        .entity(made)
        .build();
  }

  @GET
  @Path("/event-types")
  @Operation(
      operationId = "listWebhookEventTypes",
      summary = "List the webhook event types",
      description = "Every type an endpoint may subscribe to, with what it means. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The types.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookEventType.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<WebhookEventType> eventTypes(@PathParam("org") String org) {
    return webhooks.eventTypes();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhook",
      summary = "Read a webhook endpoint",
      description = "Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public WebhookView get(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id) {
    return webhooks.get(id);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeWebhook",
      summary = "Change a webhook endpoint",
      description =
          "URL, event types, description, or on and off; what is absent stays. Turned off,"
              + " nothing is queued for it; turned on again, also after Roster turned it off for"
              + " failing, it receives new events (redeliver a time range for what it missed)."
              + " Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public WebhookView change(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id,
      WebhookChange request) {
    return webhooks.change(id, request);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a webhook endpoint",
      description = "Its queued deliveries and delivery log go with it. Admins only.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response delete(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Rotate the signing secret",
      description =
          "A new secret, shown this once. For 24 hours every message carries two signatures, by"
              + " the new secret and the one before, so that the receiver can switch without"
              + " missing one. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The new secret.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookSecret.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public WebhookSecret rotate(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id) {
    return webhooks.rotate(id);
  }

  @POST
  @Path("/{id}/test")
  @Operation(
      operationId = "testWebhook",
      summary = "Send a test message",
      description =
          "Queues a webhook.test message to this endpoint alone; its delivery shows in the log."
              + " Admins only.")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the answer names the message.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TestQueued.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response test(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id) {
    WebhookEvent payload = webhooks.test(id);
    return Response.accepted(new TestQueued(payload.id(), payload)).build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "List an endpoint's deliveries",
      description =
          "One row per event sent to the endpoint (kept 30 days), newest first, paged by cursor."
              + " Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "One page of deliveries.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<WebhookDelivery> deliveries(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id,
      @Parameter(
              description = "Only deliveries in this state.",
              schema = @Schema(enumeration = {"pending", "delivered", "failed"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    return webhooks.deliveries(id, status, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}/attempts")
  @Operation(
      operationId = "listWebhookAttempts",
      summary = "Read an endpoint's delivery log",
      description =
          "Every attempt (time, outcome, response code, duration, attempt number, up to 1 KiB of"
              + " the answer), kept 30 days, newest first, paged by cursor. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "One page of attempts.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttemptPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<WebhookAttempt> attempts(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    return webhooks.attempts(id, PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/{id}/redeliveries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redeliverWebhooks",
      summary = "Send events again",
      description =
          "One event (eventId), or every event of a time range (from, to) that the endpoint"
              + " subscribes to, those that occurred while it was off included: each starts a new"
              + " round of attempts under its own id. At most 10,000 events at once; events are"
              + " kept 30 days. Admins only.")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the answer says how many.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RedeliveryQueued.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response redeliver(
      @PathParam("org") String org,
      @Parameter(description = "The endpoint id.") @PathParam("id") UUID id,
      Redelivery request) {
    return Response.accepted(webhooks.redeliver(id, request)).build();
  }

  /**
   * A queued test message.
   *
   * @param eventId the message's id (its {@code webhook-id})
   * @param payload the body the endpoint receives
   */
  public record TestQueued(UUID eventId, WebhookEvent payload) {}

  /** One page of deliveries, for the OpenAPI document. */
  public record DeliveryPage(List<WebhookDelivery> items, @Schema(nullable = true) String next) {}

  /** One page of attempts, for the OpenAPI document. */
  public record AttemptPage(List<WebhookAttempt> items, @Schema(nullable = true) String next) {}
}
