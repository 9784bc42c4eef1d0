-- Email ownership (ADR 0010): sign-up and claim links prove a mailbox; seats named by email wait
-- for that proof.
alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('password_reset', 'email_change', 'email_verification'));

-- the configured platform admin's address existed unproven at start-up: granted once proven
alter table account add column platform_admin_pending boolean not null default false;

-- A seat in an organisation that waits for its account's email to be proven.
create table pending_seat (
    account_id  uuid not null references account (id),
    org_id      uuid not null references organisation (id),
    role        text not null,
    via         text not null,
    created_at  timestamptz not null,
    primary key (account_id, org_id)
);

-- Failed sign-ins, counted atomically per client and per client and address (ADR 0011).
create table login_throttle (
    key           text primary key,
    failures      integer not null,
    window_start  timestamptz not null,
    locked_until  timestamptz
);

-- Email sent per recipient is counted from the outbox.
create index mail_outbox_recipient_idx on mail_outbox (lower(recipient), created_at);
