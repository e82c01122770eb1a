-- The unique-rating rule of SPEC.md: per buyer and seller, a review counts only if no *counted*
-- review from that buyer to that seller lies in the N days before it; the earliest one counts.
-- Whether a review counts depends on which earlier ones counted, so it is a fold, not a plain
-- window function. The evaluation runs this aggregate as a window (ordered by time) over the
-- few reviews that sit within N days of another one from the same buyer; its running value is the
-- time of the last counted review, so a review counts exactly when the value moves to its own time.
-- lib/quality/unique-ratings.ts is the same rule in TypeScript, and the tests hold them together.
CREATE FUNCTION cg_unique_rating_step(last_counted timestamptz, posted_at timestamptz, gap interval)
RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN last_counted IS NULL OR posted_at >= last_counted + gap THEN posted_at ELSE last_counted END
$$;
--> statement-breakpoint
CREATE AGGREGATE cg_last_counted_review(timestamptz, interval) (
  SFUNC = cg_unique_rating_step,
  STYPE = timestamptz,
  PARALLEL = SAFE
);
