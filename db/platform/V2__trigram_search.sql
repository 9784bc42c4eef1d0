-- Trigram indexes make the member directory's substring search fast in every tenant schema.
-- An extension belongs to the database, so it is installed once, here, into public.
create extension if not exists pg_trgm with schema public;
