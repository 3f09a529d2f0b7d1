CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"branch_id" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"method" text NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" integer,
	"notice_article_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspections_method_check" CHECK ("inspections"."method" in ('announced', 'unannounced', 'four_nos')),
	CONSTRAINT "inspections_status_check" CHECK ("inspections"."status" in ('draft', 'released')),
	CONSTRAINT "inspections_scope_check" CHECK (length(trim("inspections"."scope")) > 0),
	CONSTRAINT "inspections_released_check" CHECK (("inspections"."status" = 'released') = ("inspections"."released_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "inspection_id" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_notice_article_id_articles_id_fk" FOREIGN KEY ("notice_article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_inspected_idx" ON "inspections" USING btree ("inspected_on","id");--> statement-breakpoint
CREATE INDEX "inspections_branch_idx" ON "inspections" USING btree ("branch_id","inspected_on","id");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_inspection_idx" ON "findings" USING btree ("inspection_id","id");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_check" CHECK (("findings"."source" = 'inspection') = ("findings"."inspection_id" is not null));
--> statement-breakpoint
-- The finding guard of 0012, with the finding's inspection among what is never rewritten.
CREATE OR REPLACE FUNCTION finding_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  step text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'finding % is kept, never deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'finding % is closed: it is final', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.source, NEW.branch_id, NEW.record_id, NEW.record_revision, NEW.inspection_id, NEW.category, NEW.comment, NEW.raised_by, NEW.raised_at, NEW.raised_on)
     IS DISTINCT FROM
     (OLD.source, OLD.branch_id, OLD.record_id, OLD.record_revision, OLD.inspection_id, OLD.category, OLD.comment, OLD.raised_by, OLD.raised_at, OLD.raised_on) THEN
    RAISE EXCEPTION 'finding % is not rewritten: only its steps move it', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.state = OLD.state AND NEW.due_on = OLD.due_on THEN
    RETURN NEW;
  END IF;
  step := CASE
    WHEN OLD.state IN ('open', 'reopened') AND NEW.state = 'answered' THEN 'answer'
    WHEN OLD.state = 'answered' AND NEW.state = 'closed' THEN 'close'
    WHEN OLD.state = 'answered' AND NEW.state = 'reopened' THEN 'reopen'
    ELSE NULL
  END;
  IF step IS NULL THEN
    RAISE EXCEPTION 'finding %: % to % is not a step', OLD.id, OLD.state, NEW.state USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.due_on <> OLD.due_on AND step <> 'reopen' THEN
    RAISE EXCEPTION 'finding %: only a reopen moves the due day', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM finding_steps s WHERE s.finding_id = NEW.id AND s.kind = step AND s.created_at = now()
  ) THEN
    RAISE EXCEPTION 'finding %: a step is written with its row', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- An inspection is kept: never deleted, and once released to the inspected branch it stays
-- released (its findings are already being rectified).
CREATE OR REPLACE FUNCTION inspection_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'inspection % is kept, never deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'released' AND (NEW.status <> 'released' OR NEW.released_at IS DISTINCT FROM OLD.released_at
     OR (NEW.branch_id, NEW.inspected_on, NEW.method, NEW.scope) IS DISTINCT FROM (OLD.branch_id, OLD.inspected_on, OLD.method, OLD.scope)) THEN
    RAISE EXCEPTION 'inspection % is released: it is final', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inspections_guard BEFORE UPDATE OR DELETE ON "inspections" FOR EACH ROW EXECUTE FUNCTION inspection_guard();
--> statement-breakpoint
CREATE TRIGGER inspections_no_truncate BEFORE TRUNCATE ON "inspections" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
