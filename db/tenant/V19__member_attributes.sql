-- Member attributes (issue 19): fields the organisation defines, values members carry.
create table attribute_field (
    key         text primary key,
    name        text not null,
    type        text not null,
    options     text[] not null default '{}',
    required    boolean not null default false,
    visibility  text not null,
    created_at  timestamptz not null,
    constraint attribute_field_key_format check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    constraint attribute_field_name_length check (char_length(name) between 1 and 100),
    constraint attribute_field_type check (type in ('string', 'number', 'boolean', 'date', 'one_of')),
    constraint attribute_field_visibility check (visibility in ('admins', 'members')),
    constraint attribute_field_options check ((type = 'one_of') = (cardinality(options) > 0))
);

-- each member's values, by field key; validated by the field's type when written
alter table member add column attributes jsonb not null default '{}';
