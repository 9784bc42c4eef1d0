-- Per-member permission overrides (grant or deny on top of the role's defaults) and the
-- organisation's settings, one row.

create table member_permission (
    member_id   uuid not null references member (id),
    permission  text not null,
    granted     boolean not null,
    primary key (member_id, permission)
);

create table org_settings (
    id                  integer primary key default 1,
    inactivity_days     integer not null default 90,
    external_sharing    boolean not null default true,
    integration_access  boolean not null default true,
    feature_flags       jsonb not null default '{}',
    constraint org_settings_single_row check (id = 1),
    constraint org_settings_inactivity_days check (inactivity_days between 1 and 3650)
);
insert into org_settings (id) values (1);
