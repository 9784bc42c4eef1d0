-- Two-factor sign-in (issue 18): an account's TOTP secret, its single-use recovery codes, and the
-- short-lived challenges that stand between a right password and a session.

create table two_factor (
    account_id  uuid primary key references account (id) on delete cascade,
    -- sealed with the installation's key (kernel Seal): the database alone cannot make codes
    secret      text not null,
    -- null while the enrolment waits for its first code
    enabled_at  timestamptz,
    -- the newest 30-second time step a code was accepted for: a code works once
    last_step   bigint not null default 0,
    created_at  timestamptz not null
);

create table recovery_code (
    account_id  uuid not null references account (id) on delete cascade,
    -- SHA-256 of the code; each code carries 60 random bits
    code_hash   text not null,
    used_at     timestamptz,
    primary key (account_id, code_hash)
);

create table login_challenge (
    token_hash  text primary key,
    account_id  uuid not null references account (id) on delete cascade,
    expires_at  timestamptz not null,
    failures    integer not null default 0,
    used_at     timestamptz
);
create index login_challenge_expiry_idx on login_challenge (expires_at);
