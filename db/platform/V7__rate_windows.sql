-- Counters for every limit at the front door (ADR 0013): failed sign-ins per client and per
-- client and address, emails per account and per recipient. One row per key, counted atomically
-- by an upsert. The account's own failure counter goes: it let anyone lock any account.
alter table login_throttle rename to rate_window;
alter table rate_window rename column failures to hits;
alter table rate_window rename column locked_until to blocked_until;
create index rate_window_window_start on rate_window (window_start);

alter table account drop column failed_logins;
alter table account drop column locked_until;
