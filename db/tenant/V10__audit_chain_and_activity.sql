-- Audit integrity: the audit log is append-only and hash-chained. Each entry gets the next number
-- of its organisation's chain (seq), the hash of the entry before it (prev_hash) and its own hash
-- over prev_hash and its content. A trigger does it on every insert, so no writer can skip it, and
-- another refuses updates, truncation, and deletes not covered by a recorded pruning checkpoint.

-- The hash of one entry: SHA-256 over the previous hash and the entry's fields, joined by the
-- unit separator. Times count as epoch microseconds, so the session's time zone cannot change it.
create function audit_entry_hash(prev text, seq bigint, occurred_at timestamptz, actor uuid,
                                 action text, target_type text, target_id text, request_id text,
                                 changes jsonb)
    returns text language sql immutable as $$
    select encode(sha256(convert_to(concat_ws(chr(31), coalesce(prev, ''), seq::text,
        (extract(epoch from occurred_at) * 1000000)::bigint::text, coalesce(actor::text, ''),
        action, target_type, target_id, coalesce(request_id, ''), changes::text), 'UTF8')), 'hex')
$$;

-- The head of the chain: one row, locked by each append, so appends line up one after another.
create table audit_chain (
    id         boolean primary key default true check (id),
    last_seq   bigint not null,
    last_hash  text
);

-- What pruning removed: the last removed entry's number and hash anchor the rest of the chain.
create table audit_checkpoint (
    seq          bigint primary key,
    hash         text not null,
    pruned       bigint not null,
    before       timestamptz not null,
    recorded_at  timestamptz not null,
    actor_id     uuid
);

alter table audit_event add column seq bigint, add column prev_hash text, add column hash text;

-- Chain what is there already, oldest first.
do $$
declare
    entry record;
    previous text := null;
    n bigint := 0;
begin
    for entry in select * from audit_event order by occurred_at, id loop
        n := n + 1;
        update audit_event set seq = n, prev_hash = previous,
            hash = audit_entry_hash(previous, n, entry.occurred_at, entry.actor_id, entry.action,
                entry.target_type, entry.target_id, entry.request_id, entry.changes)
        where id = entry.id;
        select hash into previous from audit_event where id = entry.id;
    end loop;
    insert into audit_chain (last_seq, last_hash) values (n, previous);
end $$;

alter table audit_event alter column seq set not null, alter column hash set not null;
create unique index audit_event_seq_key on audit_event (seq);

-- Functions run with the search path they were created with: the tenant's schema.
-- Each row links to the newest entry: an earlier row of the same statement (row triggers see
-- them), else the head that the statement-level trigger below keeps. The head row is locked, not
-- updated, per row, so a bulk insert stays linear.
create function audit_event_append() returns trigger language plpgsql
    set search_path from current as $$
declare
    head audit_chain%rowtype;
    newest record;
begin
    select * into head from audit_chain for update;
    select seq, hash into newest from audit_event order by seq desc limit 1;
    if newest.seq is not null and newest.seq > head.last_seq then
        new.seq := newest.seq + 1;
        new.prev_hash := newest.hash;
    else
        new.seq := head.last_seq + 1;
        new.prev_hash := head.last_hash;
    end if;
    new.hash := audit_entry_hash(new.prev_hash, new.seq, new.occurred_at, new.actor_id,
        new.action, new.target_type, new.target_id, new.request_id, new.changes);
    return new;
end $$;

create function audit_chain_advance() returns trigger language plpgsql
    set search_path from current as $$
begin
    update audit_chain set last_seq = newest.seq, last_hash = newest.hash
    from (select seq, hash from audit_event order by seq desc limit 1) newest
    where newest.seq > audit_chain.last_seq;
    return null;
end $$;

create function audit_event_immutable() returns trigger language plpgsql
    set search_path from current as $$
begin
    if tg_op = 'DELETE' then
        if old.seq <= coalesce((select max(seq) from audit_checkpoint), 0) then
            return old;
        end if;
    end if;
    raise exception 'the audit log is append-only: % refused', lower(tg_op)
        using errcode = 'insufficient_privilege';
end $$;

create function audit_checkpoint_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit checkpoints are append-only: % refused', lower(tg_op)
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_event_append before insert on audit_event
    for each row execute function audit_event_append();
create trigger audit_chain_advance after insert on audit_event
    for each statement execute function audit_chain_advance();
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_immutable();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_immutable();
create trigger audit_checkpoint_no_change before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_immutable();

-- Member activity: what members did (signed in, created or edited content, membership changes)
-- and what the tenant's own product reports for them. Not part of the audit chain.
create table activity (
    id           uuid primary key,
    member_id    uuid not null references member (id) deferrable initially deferred,
    type         text not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    source       text not null,
    reporter_id  uuid,
    detail       jsonb not null default '{}',
    constraint activity_type_format check (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' and char_length(type) <= 100),
    constraint activity_source_check check (source in ('roster', 'reported'))
);
create index activity_member_idx on activity (member_id, occurred_at desc, id desc);

-- Retention: audit entries older than this many days may be pruned (null keeps everything).
alter table org_settings add column audit_retention_days integer
    check (audit_retention_days between 30 and 36500);
