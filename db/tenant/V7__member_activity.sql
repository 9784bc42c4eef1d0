-- A member's recent activity in their detail: what they did (as actor) and what was done to them.
create index audit_event_actor_idx on audit_event (actor_id, occurred_at desc);
create index audit_event_target_idx on audit_event (target_type, target_id, occurred_at desc);
