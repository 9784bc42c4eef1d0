-- The content registry: the tenant's owned resources, so that ownership can move when a member
-- leaves. Items without an owner are shared with the whole organisation. Removed members keep
-- their row, marked with the time of removal.

alter table member add column removed_at timestamptz;

create table content_item (
    id          uuid primary key,
    kind        text not null,
    title       text not null,
    owner_id    uuid references member (id),
    visibility  text not null,
    team_id     uuid,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint content_kind_check check (kind in ('project', 'report', 'dataset', 'source', 'conversation')),
    constraint content_visibility_check check (visibility in ('private', 'team', 'org')),
    constraint content_title_length check (char_length(title) between 1 and 300),
    constraint content_team_check check ((visibility = 'team') = (team_id is not null)),
    constraint content_owner_check check (owner_id is not null or visibility = 'org')
);
create index content_owner_idx on content_item (owner_id, created_at, id);
create index content_created_idx on content_item (created_at, id);

create table content_collaborator (
    content_id  uuid not null references content_item (id) on delete cascade,
    member_id   uuid not null references member (id),
    primary key (content_id, member_id)
);
create index content_collaborator_member_idx on content_collaborator (member_id);
