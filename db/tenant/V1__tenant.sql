-- One organisation's own schema: its members and its audit trail. Flyway runs this with the
-- tenant's schema as the search path, so no name here is schema-qualified.

create table member (
    id              uuid primary key,
    account_id      uuid not null,
    name            text not null,
    email           text not null,
    role            text not null,
    status          text not null,
    joined_at       timestamptz not null,
    last_active_at  timestamptz,
    constraint member_role_check check (role in ('admin', 'manager', 'member', 'viewer', 'guest')),
    constraint member_status_check check (status in ('active', 'suspended', 'removed'))
);
-- An account has at most one current (not removed) membership; removed rows stay for audit.
create unique index member_account_current_key on member (account_id) where status <> 'removed';

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
