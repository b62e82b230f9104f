-- Keeps user_counts exact. Statement-level: a statement's rows are added up by role and state first, so
-- a bulk insert moves each counter once instead of once per row.
CREATE FUNCTION user_account_state(verified_at timestamptz, disabled_at timestamptz) RETURNS account_state
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN disabled_at IS NOT NULL THEN 'disabled'::account_state
    WHEN verified_at IS NULL THEN 'unverified'::account_state
    ELSE 'active'::account_state
  END
$$;
--> statement-breakpoint
CREATE FUNCTION user_counts_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO user_counts (role, state, count)
    SELECT (d ->> 'role')::role, (d ->> 'state')::account_state, (d ->> 'delta')::int
    FROM jsonb_array_elements(deltas) AS d
  ON CONFLICT (role, state) DO UPDATE SET count = user_counts.count + excluded.count
$$;
--> statement-breakpoint
CREATE FUNCTION user_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM user_counts_apply(coalesce((
    SELECT jsonb_agg(jsonb_build_object('role', role, 'state', state, 'delta', n))
    FROM (SELECT role, user_account_state(email_verified_at, disabled_at) AS state, count(*) AS n
          FROM new_rows GROUP BY 1, 2) AS grouped), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION user_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM user_counts_apply(coalesce((
    SELECT jsonb_agg(jsonb_build_object('role', role, 'state', state, 'delta', -n))
    FROM (SELECT role, user_account_state(email_verified_at, disabled_at) AS state, count(*) AS n
          FROM old_rows GROUP BY 1, 2) AS grouped), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION user_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (a login time, a name) leave role and state alone: their deltas add up to nothing.
  PERFORM user_counts_apply(coalesce((
    SELECT jsonb_agg(jsonb_build_object('role', role, 'state', state, 'delta', n))
    FROM (SELECT role, state, sum(delta) AS n FROM (
            SELECT role, user_account_state(email_verified_at, disabled_at) AS state, 1 AS delta FROM new_rows
            UNION ALL
            SELECT role, user_account_state(email_verified_at, disabled_at), -1 FROM old_rows) AS moves
          GROUP BY 1, 2 HAVING sum(delta) <> 0) AS grouped), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_count_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER users_count_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_delete();
--> statement-breakpoint
CREATE TRIGGER users_count_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_update();
--> statement-breakpoint
CREATE FUNCTION user_counts_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM user_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_count_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_reset();
--> statement-breakpoint
INSERT INTO user_counts (role, state, count)
  SELECT role, user_account_state(email_verified_at, disabled_at), count(*) FROM users GROUP BY 1, 2;
