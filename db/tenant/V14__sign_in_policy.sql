-- The organisation's sign-in policy (issue 18): whether members must use two-factor sign-in (from
-- a deadline), which sign-in methods its URLs accept, and the longest session age they accept.
alter table org_settings
    add column require_two_factor boolean not null default false,
    add column two_factor_deadline timestamptz,
    add column sign_in_methods text not null default 'password,provider',
    add column max_session_seconds bigint;
