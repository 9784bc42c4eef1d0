-- Per-membership names (issue 19): each member row carries the first and last name the
-- organisation shows, copied from the account (MemberMirror keeps them in line) until an admin
-- sets them for this organisation only (names_here); the account and its other memberships keep
-- their own. Existing rows get the account's names from MemberNamesBackfill right after this
-- migration: a tenant migration does not read the platform schema (ADR 0019).
alter table member
    add column first_name text,
    add column last_name text,
    add column names_here boolean not null default false,
    add constraint member_first_name_length check (char_length(first_name) <= 100),
    add constraint member_last_name_length check (char_length(last_name) <= 100);
