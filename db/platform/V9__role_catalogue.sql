-- Domain join roles name a role of the organisation's own catalogue (ADR 0023), which lives in
-- its schema: the fixed list goes; the tenant checks the key under a lock when it is set.
alter table org_domain drop constraint org_domain_role_check;
