-- Keeps user_counts exact: every insert, update and delete on users moves one count.
CREATE FUNCTION user_account_state(verified_at timestamptz, disabled_at timestamptz) RETURNS account_state
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN disabled_at IS NOT NULL THEN 'disabled'::account_state
    WHEN verified_at IS NULL THEN 'unverified'::account_state
    ELSE 'active'::account_state
  END
$$;
--> statement-breakpoint
CREATE FUNCTION user_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE user_counts SET count = count - 1
      WHERE role = OLD.role AND state = user_account_state(OLD.email_verified_at, OLD.disabled_at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO user_counts (role, state, count)
      VALUES (NEW.role, user_account_state(NEW.email_verified_at, NEW.disabled_at), 1)
      ON CONFLICT (role, state) DO UPDATE SET count = user_counts.count + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_count_insert_delete AFTER INSERT OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION user_counts_track();
--> statement-breakpoint
CREATE TRIGGER users_count_update AFTER UPDATE OF role, email_verified_at, disabled_at ON users
  FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role
    OR (OLD.email_verified_at IS NULL) IS DISTINCT FROM (NEW.email_verified_at IS NULL)
    OR (OLD.disabled_at IS NULL) IS DISTINCT FROM (NEW.disabled_at IS NULL))
  EXECUTE FUNCTION user_counts_track();
--> statement-breakpoint
INSERT INTO user_counts (role, state, count)
  SELECT role, user_account_state(email_verified_at, disabled_at), count(*) FROM users GROUP BY 1, 2;
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
