-- A waiting seat is named for an address, not only an account: proving another address (after an
-- email change) must not earn it (ADR 0010).
alter table pending_seat add column email text;
update pending_seat s set email = a.email from account a where a.id = s.account_id;
alter table pending_seat alter column email set not null;
