-- Suspension (reason is an internal note; no end time means until lifted by hand) and the
-- indexes behind the member directory: keyset paging by name, filters, substring search.

alter table member add column suspended_reason text;
alter table member add column suspended_at timestamptz;
alter table member add column suspended_until timestamptz;
alter table member add constraint member_suspension_check
    check ((status = 'suspended') = (suspended_at is not null and suspended_reason is not null));

create index member_name_idx on member (lower(name), id);
create index member_role_idx on member (role, lower(name), id);
create index member_joined_idx on member (joined_at);
create index member_name_trgm_idx on member using gin (lower(name) public.gin_trgm_ops);
create index member_email_trgm_idx on member using gin (lower(email) public.gin_trgm_ops);
