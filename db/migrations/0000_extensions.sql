-- Trigram indexes make the admin user search fast on large tables.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
