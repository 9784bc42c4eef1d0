-- Per-member settings. A null column inherits: the organisation's setting, or the system default.

create table member_settings (
    member_id         uuid primary key references member (id),
    notifications     text,
    api_access        boolean,
    external_sharing  boolean,
    feature_access    jsonb,
    constraint member_settings_notifications check (notifications in ('all', 'mentions', 'none'))
);
