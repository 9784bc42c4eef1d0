-- One-time console links (issue 22, ADR 0027): a platform admin asks for one on behalf of a member,
-- the tenant's product sends its admin to it, and the first visit signs that member in. Only the
-- SHA-256 of the secret is kept; a link works once and for a few minutes.
create table console_link (
    token_hash   text primary key,
    org_id       uuid not null references organisation (id) on delete cascade,
    account_id   uuid not null references account (id) on delete cascade,
    member_id    uuid not null,
    issued_by    uuid not null references account (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
-- expired links are pruned by age
create index console_link_expires_idx on console_link (expires_at);

-- the organisation's look in the console: an accent colour and a logo (PNG, re-encoded on upload)
create table org_branding (
    org_id        uuid primary key references organisation (id) on delete cascade,
    accent_colour text,
    logo          bytea,
    logo_etag     text,
    updated_at    timestamptz not null,
    constraint org_branding_accent check (accent_colour is null or accent_colour ~ '^#[0-9a-f]{6}$')
);
