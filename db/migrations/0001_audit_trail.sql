-- The audit trail is append-only and hash-chained.
--
-- Every new row gets, under one transaction-level advisory lock (so the chain follows commit
-- order even with concurrent writers): seq = previous seq + 1, prev_hash = previous row's hash,
-- hash = sha256 of the row's canonical text. UPDATE, DELETE and TRUNCATE are refused.
-- scripts/audit-verify.ts recomputes the hashes with its own copy of the canonical text, so a
-- changed function here cannot hide a changed row.

CREATE FUNCTION audit_log_canonical(e audit_log) RETURNS text
LANGUAGE sql STABLE AS $$
  -- A JSON array: every field keeps its place and type, so no text can slide from one field into
  -- the next without changing the hash.
  SELECT jsonb_build_array(
    e.seq,
    e.prev_hash,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id,
    e.actor_role,
    e.actor_label,
    e.action,
    e.entity_type,
    e.entity_id,
    e.seller_id,
    e.before,
    e.after,
    e.reason,
    e.ip)::text
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
