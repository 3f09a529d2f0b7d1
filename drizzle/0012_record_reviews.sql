CREATE TABLE "finding_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finding_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"finding_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"corrected_revision" integer,
	"due_on" date,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_steps_kind_check" CHECK ("finding_steps"."kind" in ('raise', 'answer', 'reopen', 'close')),
	CONSTRAINT "finding_steps_note_check" CHECK ("finding_steps"."kind" = 'close' or length(trim("finding_steps"."note")) > 0),
	CONSTRAINT "finding_steps_revision_check" CHECK ("finding_steps"."kind" = 'answer' or "finding_steps"."corrected_revision" is null)
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"branch_id" integer NOT NULL,
	"record_id" integer,
	"record_revision" integer,
	"category" text NOT NULL,
	"comment" text NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"raised_by" integer,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raised_on" date NOT NULL,
	"last_step_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "findings_source_check" CHECK ("findings"."source" in ('record_review', 'inspection')),
	CONSTRAINT "findings_category_check" CHECK ("findings"."category" in ('false_content', 'insufficient_attendance', 'missing_evidence', 'late_entry', 'formalism', 'other')),
	CONSTRAINT "findings_state_check" CHECK ("findings"."state" in ('open', 'answered', 'reopened', 'closed')),
	CONSTRAINT "findings_comment_check" CHECK (length(trim("findings"."comment")) > 0),
	CONSTRAINT "findings_record_check" CHECK ("findings"."source" <> 'record_review' or ("findings"."record_id" is not null and "findings"."record_revision" is not null)),
	CONSTRAINT "findings_closed_check" CHECK (("findings"."state" = 'closed') = ("findings"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "finding_steps" ADD CONSTRAINT "finding_steps_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_steps" ADD CONSTRAINT "finding_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_steps_finding_idx" ON "finding_steps" USING btree ("finding_id","id");--> statement-breakpoint
CREATE INDEX "findings_record_idx" ON "findings" USING btree ("record_id","id");--> statement-breakpoint
CREATE INDEX "findings_branch_due_idx" ON "findings" USING btree ("branch_id","due_on","id") WHERE "findings"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "findings_raised_idx" ON "findings" USING btree ("raised_on","branch_id");--> statement-breakpoint
-- The record lock of 0007, extended for review. A record that passed review (合格) refuses
-- every update, its status included, unless the same transaction wrote its next version row (a
-- correction); a correction of a reviewed record resets it to needing a new review. 合格 is
-- given only with who and when, and never while a finding on the record is still open.
CREATE OR REPLACE FUNCTION activity_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'activity record % is submitted: it is kept, never deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NEW.status = 'draft' THEN
    RAISE EXCEPTION 'activity record % is submitted: it does not return to draft', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'reviewed' THEN
    IF NEW.revision <> OLD.revision + 1 OR NOT EXISTS (
      SELECT 1 FROM activity_record_versions v
      WHERE v.record_id = NEW.id AND v.revision = NEW.revision AND v.created_at = now()
    ) THEN
      RAISE EXCEPTION 'activity record % passed review and is locked: a change is a correction with a reason', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.status := 'submitted';
    NEW.reviewed_at := NULL;
    NEW.reviewed_by := NULL;
  ELSIF NEW.status = 'reviewed' THEN
    IF NEW.reviewed_at IS NULL OR NEW.reviewed_by IS NULL THEN
      RAISE EXCEPTION 'activity record %: a review mark needs its reviewer and time', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM findings f WHERE f.record_id = NEW.id AND f.state <> 'closed') THEN
      RAISE EXCEPTION 'activity record % has an open finding: it cannot pass review', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF NEW.revision <> OLD.revision
     OR (NEW.branch_id, NEW.kind, NEW.held_on, NEW.start_time, NEW.end_time, NEW.place, NEW.topic,
         NEW.first_agenda_studied, NEW.first_agenda_topic, NEW.host_person_id, NEW.recorder_person_id,
         NEW.speaker_person_id, NEW.minutes, NEW.submitted_at, NEW.submitted_on, NEW.submitted_by)
        IS DISTINCT FROM
        (OLD.branch_id, OLD.kind, OLD.held_on, OLD.start_time, OLD.end_time, OLD.place, OLD.topic,
         OLD.first_agenda_studied, OLD.first_agenda_topic, OLD.host_person_id, OLD.recorder_person_id,
         OLD.speaker_person_id, OLD.minutes, OLD.submitted_at, OLD.submitted_on, OLD.submitted_by) THEN
    IF NEW.revision <> OLD.revision + 1 OR NOT EXISTS (
      SELECT 1 FROM activity_record_versions v
      WHERE v.record_id = NEW.id AND v.revision = NEW.revision AND v.created_at = now()
    ) THEN
      RAISE EXCEPTION 'activity record % is locked: a change is a correction with a reason', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- A finding is never deleted and never rewritten: only its state, due day and step times move,
-- and a change of state needs the matching step row written in the same transaction, along
-- the transitions of lib/reviews/state-machine.ts.
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
  IF (NEW.source, NEW.branch_id, NEW.record_id, NEW.record_revision, NEW.category, NEW.comment, NEW.raised_by, NEW.raised_at, NEW.raised_on)
     IS DISTINCT FROM
     (OLD.source, OLD.branch_id, OLD.record_id, OLD.record_revision, OLD.category, OLD.comment, OLD.raised_by, OLD.raised_at, OLD.raised_on) THEN
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
CREATE TRIGGER findings_guard BEFORE UPDATE OR DELETE ON "findings" FOR EACH ROW EXECUTE FUNCTION finding_guard();
--> statement-breakpoint
CREATE TRIGGER findings_no_truncate BEFORE TRUNCATE ON "findings" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER finding_steps_append_only BEFORE UPDATE OR DELETE ON "finding_steps" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER finding_steps_no_truncate BEFORE TRUNCATE ON "finding_steps" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
