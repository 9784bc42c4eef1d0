-- Webhooks (issue 20, ADR 0025). In the platform schema, keyed by organisation, so that one
-- dispatcher finds what is due in every organisation without visiting each schema. A message and
-- its deliveries are written by the transaction of the change (one statement at a time, ADR 0019).

create table webhook_endpoint (
    id                   uuid primary key,
    org_id               uuid not null references organisation (id) on delete cascade,
    url                  text not null,
    description          text,
    events               text[] not null,
    enabled              boolean not null default true,
    -- why it is off: 'admin' (switched off) or 'failing' (turned off by the dispatcher)
    disabled_reason      text,
    -- sealed with the installation's key (kernel Seal): signing needs the secret itself
    secret               text not null,
    previous_secret      text,
    previous_expires_at  timestamptz,
    -- the first failed attempt since the last success; null while the endpoint answers
    failing_since        timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint webhook_endpoint_url_length check (char_length(url) <= 2048),
    constraint webhook_endpoint_description_length check (char_length(description) <= 500),
    constraint webhook_endpoint_disabled check (enabled = (disabled_reason is null)),
    constraint webhook_endpoint_disabled_reason check (disabled_reason in ('admin', 'failing'))
);
create index webhook_endpoint_org_idx on webhook_endpoint (org_id, created_at, id);

-- One change, as every endpoint receives it: the body is signed as stored.
create table webhook_message (
    id           uuid primary key,
    org_id       uuid not null references organisation (id) on delete cascade,
    type         text not null,
    occurred_at  timestamptz not null,
    payload      text not null
);
create index webhook_message_org_time_idx on webhook_message (org_id, occurred_at, id);

create table webhook_delivery (
    id               uuid primary key,
    message_id       uuid not null references webhook_message (id) on delete cascade,
    endpoint_id      uuid not null references webhook_endpoint (id) on delete cascade,
    status           text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    -- a dispatcher that took the delivery holds it until then; another takes it after a crash
    leased_until     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint webhook_delivery_status check (status in ('pending', 'delivered', 'failed')),
    constraint webhook_delivery_once unique (message_id, endpoint_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at, id);

-- The delivery log: one row per attempt, kept 30 days.
create table webhook_attempt (
    id             bigint generated always as identity primary key,
    delivery_id    uuid not null references webhook_delivery (id) on delete cascade,
    endpoint_id    uuid not null,
    attempted_at   timestamptz not null,
    attempt        integer not null,
    succeeded      boolean not null,
    response_code  integer,
    duration_ms    integer not null,
    error          text,
    -- at most 1 KiB of what the endpoint answered
    response_body  text
);
create index webhook_attempt_endpoint_idx on webhook_attempt (endpoint_id, id);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id);
create index webhook_attempt_time_idx on webhook_attempt (attempted_at);

-- When each open invitation runs out, so that one sweep announces expiries in every organisation
-- (invitation.expired) without visiting each schema; written by the invitation's transaction.
create table invitation_deadline (
    invitation_id  uuid primary key,
    org_id         uuid not null references organisation (id) on delete cascade,
    expires_at     timestamptz not null
);
create index invitation_deadline_due_idx on invitation_deadline (expires_at);
