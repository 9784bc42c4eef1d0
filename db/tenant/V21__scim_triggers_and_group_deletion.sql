-- The trigger of V20 that moves a team's updated_at names the table `team` unqualified: like
-- team_owner_check (V6), it must keep the search path it was created with (the tenant's), or a
-- statement run with another search path (schema-qualified SQL) finds no table.
create or replace function team_member_touched() returns trigger
    language plpgsql
    set search_path from current
    as $$
begin
    update team set updated_at = clock_timestamp()
     where id = case when tg_op = 'DELETE' then old.team_id else new.team_id end;
    return null;
end $$;

-- What a Group's deletion does to its team: deactivate it (kept, restorable) or delete it.
alter table scim_settings
    add column deleted_groups text not null default 'deactivate',
    add constraint scim_settings_deleted_groups check (deleted_groups in ('deactivate', 'delete'));
