-- Audit entries are sealed after they commit instead of while they are inserted (ADR 0017).
-- Until now a BEFORE INSERT trigger numbered and hashed each entry under a lock on the chain's
-- head, which every audited write then held until it committed: one organisation's writes ran one
-- at a time. Now an entry is inserted unsealed (no seq, prev_hash or hash) and audit_seal() gives
-- the committed unsealed entries the next numbers and hashes, in a short transaction of its own,
-- in the order they occurred. Sealed entries stay immutable; an unsealed entry may be sealed once.

alter table audit_event alter column seq drop not null, alter column hash drop not null;

drop trigger audit_event_append on audit_event;
drop trigger audit_chain_advance on audit_event;
drop function audit_event_append();
drop function audit_chain_advance();

-- Whatever a writer puts in the seal columns, an entry starts unsealed.
create function audit_event_unsealed() returns trigger language plpgsql as $$
begin
    new.seq := null;
    new.prev_hash := null;
    new.hash := null;
    return new;
end $$;

create trigger audit_event_unsealed before insert on audit_event
    for each row execute function audit_event_unsealed();

-- Where the sealer finds its work.
create index audit_event_unsealed_idx on audit_event (occurred_at, id) where seq is null;

-- Seals up to max_entries committed unsealed entries, oldest first, and returns how many. The
-- head's lock is held only by sealers, for the length of this call's transaction; the head moves
-- with each entry, so it always names the newest sealed one.
create function audit_seal(max_entries integer) returns integer language plpgsql
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
        update audit_chain set last_seq = head.last_seq, last_hash = head.last_hash;
        sealed := sealed + 1;
    end loop;
    perform set_config('roster.audit_sealing', 'off', true);
    return sealed;
end $$;

-- Updates: only sealing an unsealed entry, with nothing else changed and the hash its content
-- gives. Deletes: only entries covered by a pruning checkpoint.
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
           and new.seq = (select last_seq + 1 from audit_chain)
           and new.prev_hash is not distinct from (select last_hash from audit_chain)
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
