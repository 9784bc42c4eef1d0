-- SCIM tokens (issue 21, ADR 0026). In the platform schema, keyed by organisation, so that the
-- caller filter finds a presented token by its hash before any tenant is entered.
create table scim_token (
    id            uuid primary key,
    org_id        uuid not null references organisation (id) on delete cascade,
    name          text not null,
    -- SHA-256 of the secret (kernel LinkTokens.hash); the secret itself is shown once
    secret_hash   text not null unique,
    -- the org role the token acts with, never above its issuer's when issued
    role          text not null,
    -- the admin who issued it: the token acts as them, and only while they are an active admin
    issued_by     uuid not null references account (id) on delete cascade,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint scim_token_name_length check (char_length(name) between 1 and 100)
);
create index scim_token_org_idx on scim_token (org_id, created_at, id);
