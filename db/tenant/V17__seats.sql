-- Seats (issue 19): a member may hold a subscriber seat and may manage subscriber seats; the
-- organisation may cap its subscribers and its members (current members plus pending invitations).
alter table member
    add column subscriber boolean not null default false,
    add column subscriber_admin boolean not null default false;
create index member_subscriber_idx on member (subscriber) where subscriber and status <> 'removed';

alter table org_settings
    add column subscriber_limit integer,
    add column member_limit integer,
    add constraint org_settings_subscriber_limit check (subscriber_limit between 0 and 1000000),
    add constraint org_settings_member_limit check (member_limit between 1 and 1000000);
