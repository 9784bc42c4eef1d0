-- Whether the member's account signs in with a second factor (issue 18), copied from the account
-- as the name and email are, so that the directory filters and counts on it within the tenant.
alter table member add column two_factor boolean not null default false;
