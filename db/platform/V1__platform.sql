-- The platform schema: global accounts, the tenant registry and the platform's own audit trail.

create table account (
    id              uuid primary key,
    email           text not null,
    name            text not null,
    password_hash   text,
    platform_admin  boolean not null default false,
    created_at      timestamptz not null,
    last_login_at   timestamptz,
    failed_logins   integer not null default 0,
    locked_until    timestamptz,
    constraint account_email_length check (char_length(email) <= 254),
    constraint account_name_length check (char_length(name) between 1 and 200)
);
create unique index account_email_key on account (lower(email));

create table organisation (
    id              uuid primary key,
    slug            text not null,
    name            text not null,
    schema_name     text not null,
    schema_version  text not null,
    created_at      timestamptz not null,
    constraint organisation_slug_key unique (slug),
    constraint organisation_schema_key unique (schema_name),
    constraint organisation_slug_format check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
    constraint organisation_schema_format check (schema_name ~ '^t_[0-9a-f]{32}$')
);

-- Which accounts belong to which organisations: the index behind "my organisations". The
-- member row in the tenant's schema stays the source of truth for role and status.
create table membership (
    account_id  uuid not null references account (id),
    org_id      uuid not null references organisation (id),
    member_id   uuid not null,
    primary key (account_id, org_id)
);
create index membership_org_idx on membership (org_id);

create table audit_event (
    id           uuid primary key,
    occurred_at  timestamptz not null,
    actor_id     uuid,
    action       text not null,
    target_type  text not null,
    target_id    text not null,
    request_id   text,
    changes      jsonb not null
);
create index audit_event_occurred_idx on audit_event (occurred_at, id);
