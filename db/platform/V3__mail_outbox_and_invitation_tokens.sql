-- Outgoing email goes through this outbox: a change and the email it causes commit together, and a
-- dispatcher sends what is due, locking rows with SKIP LOCKED so that two servers never send one
-- email twice. Failed attempts are retried with backoff; nothing is dropped while SMTP is down.
create table mail_outbox (
    id               uuid primary key,
    org_id           uuid,
    recipient        text not null,
    subject          text not null,
    text_body        text not null,
    html_body        text not null,
    status           text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    constraint mail_outbox_status_check check (status in ('pending', 'sent', 'failed'))
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'pending';

-- Invitation links carry a random token; only its SHA-256 is stored. The public accept endpoints
-- have no organisation in their URL: this index says which organisation a token belongs to.
create table invitation_token (
    token_hash     text primary key,
    org_id         uuid not null references organisation (id),
    invitation_id  uuid not null
);
