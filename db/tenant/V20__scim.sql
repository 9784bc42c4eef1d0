-- SCIM (issue 21, ADR 0026): what the directory keeps beside members and teams, and when each
-- member last changed (meta.lastModified of a SCIM User).

-- when the member's row last changed in anything but its activity mark; kept by a trigger so that
-- every path that changes a member moves it, whatever module or statement does so
alter table member add column updated_at timestamptz;
update member set updated_at = coalesce(suspended_at, joined_at);
alter table member alter column updated_at set not null, alter column updated_at set default now();

create function member_touched() returns trigger language plpgsql as $$
begin
    if (to_jsonb(new) - 'last_active_at' - 'updated_at')
            is distinct from (to_jsonb(old) - 'last_active_at' - 'updated_at') then
        new.updated_at := clock_timestamp();
    end if;
    return new;
end $$;
create trigger member_touched before update on member
    for each row execute function member_touched();

-- a team's membership changing moves the team's updated_at (meta.lastModified of a SCIM Group)
create function team_member_touched() returns trigger language plpgsql as $$
begin
    update team set updated_at = clock_timestamp()
     where id = case when tg_op = 'DELETE' then old.team_id else new.team_id end;
    return null;
end $$;
create trigger team_member_touched after insert or update or delete on team_member
    for each row execute function team_member_touched();

-- the SCIM attributes of a member that Roster itself does not hold
create table scim_user (
    member_id   uuid primary key references member (id) on delete cascade,
    external_id text,
    title       text,
    department  text,
    updated_at  timestamptz not null,
    constraint scim_user_external_id_length check (char_length(external_id) <= 256),
    constraint scim_user_title_length check (char_length(title) <= 200),
    constraint scim_user_department_length check (char_length(department) <= 200)
);
create index scim_user_external_id_idx on scim_user (external_id);

-- the teams the directory manages as Groups, and the org role membership in one may give
create table scim_group (
    team_id     uuid primary key references team (id) on delete cascade,
    external_id text,
    -- a role deleted (with a replacement that takes its members over) stops being given
    role        text references role (key) on delete set null,
    updated_at  timestamptz not null,
    constraint scim_group_external_id_length check (char_length(external_id) <= 256)
);

-- what happens to the content of a member the directory deletes; one row
create table scim_settings (
    id                 boolean primary key default true,
    removed_content    text not null default 'convert_to_shared',
    constraint scim_settings_one_row check (id),
    constraint scim_settings_removed_content
        check (removed_content in ('transfer_to_admin', 'convert_to_shared', 'delete'))
);
insert into scim_settings default values;
