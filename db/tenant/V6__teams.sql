-- Teams: named groups of members with their own roles. Exactly one owner per team at every commit:
-- a partial unique index allows at most one at any moment, and a deferred constraint trigger
-- refuses a commit that leaves a team without one (or with more, should the index ever go).

create table team (
    id              uuid primary key,
    name            text not null,
    description     text,
    colour          text not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    deactivated_at  timestamptz,
    constraint team_name_length check (char_length(name) between 1 and 100),
    constraint team_description_length check (char_length(description) <= 1000),
    constraint team_colour_check check (colour ~ '^#[0-9a-f]{6}$')
);
create unique index team_name_key on team (lower(name));

create table team_member (
    team_id    uuid not null references team (id) on delete cascade,
    member_id  uuid not null references member (id),
    role       text not null,
    joined_at  timestamptz not null,
    primary key (team_id, member_id),
    constraint team_member_role_check check (role in ('owner', 'admin', 'moderator', 'member', 'viewer'))
);
create unique index team_member_one_owner on team_member (team_id) where role = 'owner';
create index team_member_member_idx on team_member (member_id);
create index team_member_joined_idx on team_member (team_id, joined_at, member_id);

-- The function runs with the caller's search path, which never names a tenant schema: it keeps the
-- one it was created with (the tenant's, as Flyway migrates it).
create function team_owner_check() returns trigger
    language plpgsql
    set search_path from current
    as $$
declare
    checked uuid;
    owners  integer;
begin
    -- fields are read in the branch of the table that fired: a record lacks the other's columns
    if tg_table_name = 'team' then
        checked := new.id;
    elsif tg_op = 'DELETE' then
        checked := old.team_id;
    else
        checked := new.team_id;
    end if;
    if not exists (select 1 from team where id = checked) then
        return null; -- the team itself is gone
    end if;
    select count(*) into owners from team_member where team_id = checked and role = 'owner';
    if owners <> 1 then
        raise exception 'team % has % owners; a team has exactly one', checked, owners
            using errcode = '23514', constraint = 'team_exactly_one_owner';
    end if;
    return null;
end;
$$;

create constraint trigger team_exactly_one_owner
    after insert on team
    deferrable initially deferred
    for each row execute function team_owner_check();

create constraint trigger team_member_exactly_one_owner
    after insert or update or delete on team_member
    deferrable initially deferred
    for each row execute function team_owner_check();

-- Content shared with a team belongs to a team of this organisation. Before teams existed a team
-- id named nothing; such items (if any) become private to their owner.
update content_item set visibility = 'private', team_id = null where team_id is not null;
alter table content_item
    add constraint content_team_fk foreign key (team_id) references team (id);
create index content_team_idx on content_item (team_id, created_at, id) where team_id is not null;
