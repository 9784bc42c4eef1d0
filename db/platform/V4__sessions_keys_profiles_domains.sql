-- Identity, second part: profiles, sign-in sessions with rotating refresh tokens, single-use links
-- (password reset, email change), personal API keys, and the email domains organisations claim.
-- Every secret is stored as its SHA-256 only.

alter table account
    add column first_name        text,
    add column last_name         text,
    add column external_issuer   text,
    add column external_subject  text,
    add column email_verified_at timestamptz,
    add constraint account_first_name_length check (char_length(first_name) <= 100),
    add constraint account_last_name_length check (char_length(last_name) <= 100),
    add constraint account_external_both check ((external_issuer is null) = (external_subject is null));
-- An external identity provider's subject names one account.
create unique index account_external_key on account (external_issuer, external_subject)
    where external_subject is not null;

-- A profile picture, checked and stored as uploaded; the ETag is the SHA-256 of the bytes.
create table account_picture (
    account_id  uuid primary key references account (id),
    media_type  text not null,
    width       integer not null,
    height      integer not null,
    content     bytea not null,
    etag        text not null,
    updated_at  timestamptz not null,
    constraint account_picture_type_check check (media_type in ('image/png', 'image/jpeg', 'image/webp'))
);

-- A sign-in session: one login and the chain (family) of refresh tokens that descends from it.
-- Access tokens name their session, which is checked on every request, so revoking it is
-- immediate.
create table session (
    id                 uuid primary key,
    account_id         uuid not null references account (id),
    created_at         timestamptz not null,
    last_refreshed_at  timestamptz,
    revoked_at         timestamptz,
    revoked_reason     text
);
create index session_live_idx on session (account_id) where revoked_at is null;

create table refresh_token (
    token_hash  text primary key,
    session_id  uuid not null references session (id) deferrable initially deferred,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_token_session_idx on refresh_token (session_id);

-- Single-use links sent by email: password reset and email change confirmation.
create table account_token (
    token_hash  text primary key,
    account_id  uuid not null references account (id),
    purpose     text not null,
    new_email   text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint account_token_purpose_check check (purpose in ('password_reset', 'email_change')),
    constraint account_token_email check ((purpose = 'email_change') = (new_email is not null))
);
create index account_token_account_idx on account_token (account_id, purpose, created_at);

-- Personal API keys: a member's key acts in one organisation only.
create table api_key (
    id              uuid primary key,
    token_hash      text not null unique,
    prefix          text not null,
    account_id      uuid not null references account (id),
    org_id          uuid not null references organisation (id),
    name            text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_reason  text,
    constraint api_key_name_length check (char_length(name) between 1 and 100)
);
create index api_key_owner_idx on api_key (org_id, account_id);

-- Email domains an organisation claims. A domain counts once its DNS TXT record is verified, and
-- then for one organisation only.
create table org_domain (
    id                  uuid primary key,
    org_id              uuid not null references organisation (id),
    domain              text not null,
    role                text not null,
    verification_token  text not null,
    created_at          timestamptz not null,
    verified_at         timestamptz,
    last_checked_at     timestamptz,
    constraint org_domain_role_check check (role in ('manager', 'member', 'viewer', 'guest')),
    constraint org_domain_length check (char_length(domain) <= 253)
);
create unique index org_domain_org_key on org_domain (org_id, domain);
create unique index org_domain_verified_key on org_domain (domain) where verified_at is not null;
