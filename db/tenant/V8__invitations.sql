-- Invitations to join the organisation. Status is stored as pending, accepted, revoked or
-- expired; "resent" and "expired" are shown from the resend count and the expiry time, so expiry
-- is exact without a job. One open (pending) invitation per email.
create table invitation (
    id                  uuid primary key,
    email               text not null,
    role                text not null,
    teams               jsonb not null default '[]',
    projects            jsonb not null default '[]',
    message             text,
    inviter_member_id   uuid references member (id),
    inviter_account_id  uuid not null,
    inviter_name        text not null,
    token_hash          text not null,
    status              text not null,
    resend_count        integer not null default 0,
    resend_window_start timestamptz,
    resend_window_count integer not null default 0,
    created_at          timestamptz not null,
    sent_at             timestamptz not null,
    expires_at          timestamptz not null,
    valid_seconds       integer not null,
    accepted_at         timestamptz,
    accepted_member_id  uuid references member (id),
    revoked_at          timestamptz,
    constraint invitation_role_check check (role in ('admin', 'manager', 'member', 'viewer', 'guest')),
    constraint invitation_status_check check (status in ('pending', 'accepted', 'revoked', 'expired')),
    constraint invitation_message_length check (char_length(message) <= 2000),
    constraint invitation_email_length check (char_length(email) <= 254)
);
create unique index invitation_open_email_key on invitation (lower(email)) where status = 'pending';
create unique index invitation_token_key on invitation (token_hash);
create index invitation_created_idx on invitation (created_at desc, id);
create index invitation_inviter_idx on invitation (inviter_account_id, created_at);

-- Inviting someone checks whether they are a member already, by email.
create index member_email_lower_idx on member (lower(email)) where status <> 'removed';
