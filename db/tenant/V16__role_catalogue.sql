-- The organisation's role catalogue (issue 19, ADR 0023). Each role has a key members carry, a
-- display name, a rank (higher outranks lower, unique) and its permissions. Organisations that
-- existed before keep the five fixed roles they had, with the permissions those roles held.
create table role (
    key          text primary key,
    name         text not null,
    rank         integer not null,
    permissions  text[] not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint role_key_format check (key ~ '^[a-z][a-z0-9_]{0,29}$'),
    constraint role_name_length check (char_length(name) between 1 and 60),
    constraint role_rank_range check (rank between 1 and 1000),
    constraint role_rank_key unique (rank)
);

insert into role (key, name, rank, permissions) values
    ('admin', 'Admin', 500, array['members.view', 'members.invite', 'members.manage',
        'roles.assign', 'teams.create', 'teams.view_all', 'settings.manage', 'api_keys.create',
        'content.create', 'content.view_shared', 'content.manage', 'content.share_external',
        'audit.export']),
    ('manager', 'Manager', 400, array['members.view', 'members.invite', 'members.manage',
        'roles.assign', 'teams.view_all', 'api_keys.create', 'content.create',
        'content.view_shared', 'content.manage', 'content.share_external']),
    ('member', 'Member', 300, array['members.view', 'api_keys.create', 'content.create',
        'content.view_shared', 'content.share_external']),
    ('viewer', 'Viewer', 200, array['members.view', 'content.view_shared']),
    ('guest', 'Guest', 100, array[]::text[]);

-- Members and invitations name a role of the catalogue; the foreign key also makes a role's
-- deletion wait for, or be refused by, an assignment of it made at the same moment.
alter table member drop constraint member_role_check;
alter table member add constraint member_role_fkey foreign key (role) references role (key);
alter table invitation drop constraint invitation_role_check;
alter table invitation add constraint invitation_role_fkey foreign key (role) references role (key);
create index invitation_role_idx on invitation (role);

-- Bumped by every change of the catalogue, in its transaction: servers keep a catalogue read
-- at a version until the settings row they read at the door names another.
alter table org_settings add column roles_version bigint not null default 0;
