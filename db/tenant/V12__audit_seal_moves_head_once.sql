-- Sealing moved the chain's head once per entry: a batch of 2,000 entries updated the head's one
-- row 2,000 times in one transaction, and each update had to find the newest of the versions
-- before it, so a batch cost grew with the square of its size (1,200 entries a second on a
-- backlog of a million). The head now moves once per batch, at its end. The guard's check that a
-- sealed entry takes the head's next place becomes: a place past the head, inside audit_seal.

create or replace function audit_seal(max_entries integer) returns integer language plpgsql
    set search_path from current as $$
declare
    head audit_chain%rowtype;
    entry record;
    sealed integer := 0;
begin
    select * into head from audit_chain for update;
    perform set_config('roster.audit_sealing', 'on', true);
    for entry in select * from audit_event where seq is null
                 order by occurred_at, id limit max_entries for update loop
        update audit_event
           set seq = head.last_seq + 1, prev_hash = head.last_hash,
               hash = audit_entry_hash(head.last_hash, head.last_seq + 1, entry.occurred_at,
                   entry.actor_id, entry.action, entry.target_type, entry.target_id,
                   entry.request_id, entry.changes)
         where id = entry.id
        returning seq, hash into head.last_seq, head.last_hash;
        sealed := sealed + 1;
    end loop;
    perform set_config('roster.audit_sealing', 'off', true);
    if sealed > 0 then
        update audit_chain set last_seq = head.last_seq, last_hash = head.last_hash;
    end if;
    return sealed;
end $$;

create or replace function audit_event_immutable() returns trigger language plpgsql
    set search_path from current as $$
begin
    if tg_op = 'DELETE' then
        if old.seq <= coalesce((select max(seq) from audit_checkpoint), 0) then
            return old;
        end if;
    elsif tg_op = 'UPDATE' then
        if old.seq is null and old.hash is null and new.seq is not null
           and current_setting('roster.audit_sealing', true) = 'on'
           and new.seq > (select last_seq from audit_chain)
           and (new.id, new.occurred_at, new.actor_id, new.action, new.target_type, new.target_id,
                new.request_id, new.changes)
               is not distinct from
               (old.id, old.occurred_at, old.actor_id, old.action, old.target_type, old.target_id,
                old.request_id, old.changes)
           and new.hash = audit_entry_hash(new.prev_hash, new.seq, new.occurred_at, new.actor_id,
                new.action, new.target_type, new.target_id, new.request_id, new.changes) then
            return new;
        end if;
    end if;
    raise exception 'the audit log is append-only: % refused', lower(tg_op)
        using errcode = 'insufficient_privilege';
end $$;
