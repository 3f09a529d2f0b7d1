CREATE TABLE "activity_month_counts_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "activity_month_counts_version_one_row" CHECK ("activity_month_counts_version"."id")
);
--> statement-breakpoint
-- A server keeps a year's monthly counts in memory under this token (lib/compliance/counts-cache.ts)
-- and re-reads them when the token moved. Every statement that changes a count row takes a new
-- token in the same transaction; one that changes none (a draft saved, say) leaves it alone.
INSERT INTO "activity_month_counts_version" ("id", "token") VALUES (true, md5(random()::text || clock_timestamp()::text));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION activity_month_counts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  -- One branch per operation: each names only the transition table its trigger has.
  IF TG_OP = 'TRUNCATE' THEN
    changed := true;
  ELSIF TG_OP = 'DELETE' THEN
    changed := EXISTS (SELECT 1 FROM old_rows);
  ELSE
    changed := EXISTS (SELECT 1 FROM new_rows);
  END IF;
  IF changed THEN
    UPDATE activity_month_counts_version SET token = md5(random()::text || clock_timestamp()::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_touch_insert AFTER INSERT ON "activity_month_counts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_touch();
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_touch_update AFTER UPDATE ON "activity_month_counts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_touch();
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_touch_delete AFTER DELETE ON "activity_month_counts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_touch();
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_touch_truncate AFTER TRUNCATE ON "activity_month_counts" FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_touch();
--> statement-breakpoint
-- The recount of migration 0010, now also taking a new token.
CREATE OR REPLACE FUNCTION activity_month_counts_rebuild(since date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first_month date := date_trunc('month', since)::date;
BEGIN
  LOCK TABLE activity_records IN SHARE MODE;
  DELETE FROM activity_month_counts
  WHERE (year, month) >= (extract(year FROM first_month)::smallint, extract(month FROM first_month)::smallint);
  INSERT INTO activity_month_counts (year, month, branch_id, kind, held, late)
  SELECT extract(year FROM r.held_on)::smallint, extract(month FROM r.held_on)::smallint, r.branch_id, r.kind, count(*),
         count(*) FILTER (WHERE r.submitted_on - r.held_on > s.days)
  FROM activity_records r
  LEFT JOIN branch_late_entry_spans s ON r.held_on >= s.starts_on AND (s.ends_before IS NULL OR r.held_on < s.ends_before)
  WHERE r.status <> 'draft' AND r.held_on >= first_month
  GROUP BY 1, 2, 3, 4;
  -- Also when a bulk load runs it with triggers off (session_replication_role = replica).
  UPDATE activity_month_counts_version SET token = md5(random()::text || clock_timestamp()::text);
END;
$$;
