CREATE TABLE "activity_record_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_record_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"kind" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_record_attachments_kind_check" CHECK ("activity_record_attachments"."kind" in ('pdf', 'docx', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "activity_record_photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_record_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"media_id" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_record_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_record_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_record_versions_reason_check" CHECK ("activity_record_versions"."revision" = 1 or coalesce(length(trim("activity_record_versions"."reason")), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "branch_rule_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "branch_rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_positions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_positions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"branch_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"position" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "committee_positions_position_check" CHECK ("committee_positions"."position" in ('secretary', 'deputy_secretary', 'organization_member', 'propaganda_member', 'discipline_member', 'committee_member')),
	CONSTRAINT "committee_positions_term_check" CHECK ("committee_positions"."ends_on" > "committee_positions"."starts_on"),
	CONSTRAINT "committee_positions_ended_check" CHECK ("committee_positions"."ended_on" is null or "committee_positions"."ended_on" >= "committee_positions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "person_transfers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"from_branch_id" integer NOT NULL,
	"to_branch_id" integer NOT NULL,
	"transferred_on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_transfers_distinct_check" CHECK ("person_transfers"."from_branch_id" <> "person_transfers"."to_branch_id")
);
--> statement-breakpoint
ALTER TABLE "activity_attendees" DROP CONSTRAINT "activity_attendees_reason_check";--> statement-breakpoint
ALTER TABLE "activity_records" DROP CONSTRAINT "activity_records_kind_check";--> statement-breakpoint
ALTER TABLE "branches" DROP CONSTRAINT "branches_member_count_check";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_position_check";--> statement-breakpoint
ALTER TABLE "activity_attendees" DROP CONSTRAINT "activity_attendees_activity_id_activity_records_id_fk";
--> statement-breakpoint
DROP INDEX "activity_attendees_person_key";--> statement-breakpoint
DROP INDEX "activity_records_branch_held_idx";--> statement-breakpoint
DROP INDEX "activity_records_kind_held_idx";--> statement-breakpoint
DROP INDEX "activity_records_status_idx";--> statement-breakpoint
ALTER TABLE "activity_records" ALTER COLUMN "place" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_records" ALTER COLUMN "topic" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD COLUMN "record_id" integer;--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD COLUMN "absence_note" text;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "start_time" time;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "end_time" time;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "first_agenda_studied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "host_person_id" integer;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "recorder_person_id" integer;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "speaker_person_id" integer;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "submitted_on" date;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activity_records" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "dissolved_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "status" text DEFAULT 'full_member' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "status_since" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "activity_record_attachments" ADD CONSTRAINT "activity_record_attachments_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_attachments" ADD CONSTRAINT "activity_record_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_photos" ADD CONSTRAINT "activity_record_photos_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_photos" ADD CONSTRAINT "activity_record_photos_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_versions" ADD CONSTRAINT "activity_record_versions_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_versions" ADD CONSTRAINT "activity_record_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_rule_sets" ADD CONSTRAINT "branch_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_positions" ADD CONSTRAINT "committee_positions_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_positions" ADD CONSTRAINT "committee_positions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_positions" ADD CONSTRAINT "committee_positions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfers" ADD CONSTRAINT "person_transfers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfers" ADD CONSTRAINT "person_transfers_from_branch_id_branches_id_fk" FOREIGN KEY ("from_branch_id") REFERENCES "public"."branches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfers" ADD CONSTRAINT "person_transfers_to_branch_id_branches_id_fk" FOREIGN KEY ("to_branch_id") REFERENCES "public"."branches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfers" ADD CONSTRAINT "person_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_record_attachments_storage_key" ON "activity_record_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "activity_record_attachments_record_idx" ON "activity_record_attachments" USING btree ("record_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_record_photos_media_key" ON "activity_record_photos" USING btree ("record_id","media_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_record_versions_revision_key" ON "activity_record_versions" USING btree ("record_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "branch_rule_sets_effective_key" ON "branch_rule_sets" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "committee_positions_branch_idx" ON "committee_positions" USING btree ("branch_id","ends_on");--> statement-breakpoint
CREATE INDEX "committee_positions_person_idx" ON "committee_positions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_transfers_person_idx" ON "person_transfers" USING btree ("person_id","transferred_on");--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD CONSTRAINT "activity_attendees_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD CONSTRAINT "activity_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_host_person_id_people_id_fk" FOREIGN KEY ("host_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_recorder_person_id_people_id_fk" FOREIGN KEY ("recorder_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_speaker_person_id_people_id_fk" FOREIGN KEY ("speaker_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_attendees_person_idx" ON "activity_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "activity_records_held_idx" ON "activity_records" USING btree ("held_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_key" ON "people" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_attendees_person_key" ON "activity_attendees" USING btree ("record_id","person_id");--> statement-breakpoint
CREATE INDEX "activity_records_branch_held_idx" ON "activity_records" USING btree ("branch_id","held_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_records_kind_held_idx" ON "activity_records" USING btree ("kind","held_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_records_status_idx" ON "activity_records" USING btree ("status","held_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Rows written before this migration (only the demo seed wrote these tables: no screen did)
-- are carried over, not dropped: names become people of the record's node, free-text absence
-- reasons become 其他 with the text kept, submitted records get revision 1 with its snapshot, and
-- the typed secretary names and positions become committee positions.
INSERT INTO "people" ("branch_id", "name")
SELECT DISTINCT n.branch_id, n.name FROM (
  SELECT r.branch_id, a.person_name AS name FROM "activity_attendees" a JOIN "activity_records" r ON r.id = a.activity_id
  UNION SELECT branch_id, host_name FROM "activity_records"
  UNION SELECT branch_id, recorder_name FROM "activity_records"
  UNION SELECT id, secretary_name FROM "branches" WHERE secretary_name IS NOT NULL
  UNION SELECT id, deputy_secretary_name FROM "branches" WHERE deputy_secretary_name IS NOT NULL
) n
WHERE NOT EXISTS (SELECT 1 FROM "people" p WHERE p.branch_id = n.branch_id AND p.name = n.name);
--> statement-breakpoint
UPDATE "activity_attendees" a SET
  "record_id" = a.activity_id,
  "person_id" = (SELECT min(p.id) FROM "people" p JOIN "activity_records" r ON r.id = a.activity_id WHERE p.branch_id = r.branch_id AND p.name = a.person_name),
  "absence_note" = CASE WHEN a.attendance = 'absent' THEN a.absence_reason END,
  "absence_reason" = CASE WHEN a.attendance = 'absent' THEN 'other' END;
--> statement-breakpoint
ALTER TABLE "activity_attendees" ALTER COLUMN "record_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "activity_attendees" ALTER COLUMN "person_id" SET NOT NULL;
--> statement-breakpoint
UPDATE "activity_records" r SET
  "host_person_id" = (SELECT min(p.id) FROM "people" p WHERE p.branch_id = r.branch_id AND p.name = r.host_name),
  "recorder_person_id" = (SELECT min(p.id) FROM "people" p WHERE p.branch_id = r.branch_id AND p.name = r.recorder_name),
  "first_agenda_studied" = r.first_agenda_topic IS NOT NULL,
  "submitted_at" = CASE WHEN r.status <> 'draft' THEN coalesce(r.submitted_at, r.entered_at) END,
  "submitted_on" = CASE WHEN r.status <> 'draft' THEN (coalesce(r.submitted_at, r.entered_at) AT TIME ZONE 'Asia/Shanghai')::date END,
  "revision" = CASE WHEN r.status <> 'draft' THEN 1 ELSE 0 END;
--> statement-breakpoint
INSERT INTO "activity_record_versions" ("record_id", "revision", "content", "created_by", "created_at")
SELECT r.id, 1, jsonb_build_object(
    'branchId', r.branch_id, 'kind', r.kind, 'heldOn', r.held_on, 'place', r.place, 'topic', r.topic,
    'firstAgendaStudied', r.first_agenda_studied, 'firstAgendaTopic', r.first_agenda_topic,
    'hostPersonId', r.host_person_id, 'recorderPersonId', r.recorder_person_id, 'minutes', r.minutes,
    'attendance', coalesce((SELECT jsonb_agg(jsonb_build_object('personId', a.person_id, 'attendance', a.attendance, 'absenceReason', a.absence_reason, 'absenceNote', a.absence_note) ORDER BY a.id) FROM "activity_attendees" a WHERE a.record_id = r.id), '[]'::jsonb),
    'photos', '[]'::jsonb, 'attachments', '[]'::jsonb),
  r.created_by, r.submitted_at
FROM "activity_records" r WHERE r.status <> 'draft';
--> statement-breakpoint
-- Terms were not recorded before: the committee's term end when the node had one, else a term
-- of the branch length from the day the row was written (to be corrected on the branch page).
INSERT INTO "committee_positions" ("branch_id", "person_id", "position", "starts_on", "ends_on")
SELECT b.id, (SELECT min(p.id) FROM "people" p WHERE p.branch_id = b.id AND p.name = n.name), n.position,
  coalesce((b.committee_term_ends_on - interval '3 years')::date, b.created_at::date),
  coalesce(b.committee_term_ends_on, (b.created_at + interval '3 years')::date)
FROM "branches" b
JOIN LATERAL (VALUES (b.secretary_name, 'secretary'), (b.deputy_secretary_name, 'deputy_secretary')) n(name, position) ON n.name IS NOT NULL;
--> statement-breakpoint
INSERT INTO "committee_positions" ("branch_id", "person_id", "position", "starts_on", "ends_on")
SELECT p.branch_id, p.id, p.party_position,
  coalesce((b.committee_term_ends_on - interval '3 years')::date, p.created_at::date),
  coalesce(b.committee_term_ends_on, (p.created_at + interval '3 years')::date)
FROM "people" p JOIN "branches" b ON b.id = p.branch_id
WHERE p.party_position <> 'member'
  AND NOT EXISTS (SELECT 1 FROM "committee_positions" c WHERE c.person_id = p.id);
--> statement-breakpoint
ALTER TABLE "activity_attendees" DROP COLUMN "activity_id";--> statement-breakpoint
ALTER TABLE "activity_attendees" DROP COLUMN "person_name";--> statement-breakpoint
ALTER TABLE "activity_records" DROP COLUMN "host_name";--> statement-breakpoint
ALTER TABLE "activity_records" DROP COLUMN "recorder_name";--> statement-breakpoint
ALTER TABLE "activity_records" DROP COLUMN "entered_at";--> statement-breakpoint
ALTER TABLE "activity_records" DROP COLUMN "supersedes_id";--> statement-breakpoint
ALTER TABLE "branches" DROP COLUMN "secretary_name";--> statement-breakpoint
ALTER TABLE "branches" DROP COLUMN "deputy_secretary_name";--> statement-breakpoint
ALTER TABLE "branches" DROP COLUMN "member_count";--> statement-breakpoint
ALTER TABLE "branches" DROP COLUMN "committee_term_ends_on";--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "party_position";--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD CONSTRAINT "activity_attendees_reason_kind_check" CHECK ("activity_attendees"."absence_reason" in ('official_duty', 'sick_leave', 'personal_leave', 'other'));--> statement-breakpoint
ALTER TABLE "activity_attendees" ADD CONSTRAINT "activity_attendees_reason_check" CHECK (("activity_attendees"."attendance" = 'present' and "activity_attendees"."absence_reason" is null) or ("activity_attendees"."attendance" = 'absent' and "activity_attendees"."absence_reason" is not null and ("activity_attendees"."absence_reason" <> 'other' or coalesce(length(trim("activity_attendees"."absence_note")), 0) > 0)));--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_complete_check" CHECK ("activity_records"."status" = 'draft' or ("activity_records"."place" is not null and "activity_records"."topic" is not null and "activity_records"."host_person_id" is not null and "activity_records"."recorder_person_id" is not null and "activity_records"."submitted_on" is not null and "activity_records"."revision" >= 1));--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_times_check" CHECK ("activity_records"."end_time" is null or "activity_records"."start_time" is null or "activity_records"."end_time" > "activity_records"."start_time");--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_kind_check" CHECK ("activity_records"."kind" in ('general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'themed_party_day', 'organizational_life_meeting', 'democratic_review', 'volunteer_service', 'other'));--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_dissolved_check" CHECK ("branches"."dissolved_on" is null or "branches"."established_on" is null or "branches"."dissolved_on" >= "branches"."established_on");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_status_check" CHECK ("people"."status" in ('applicant', 'activist', 'development_target', 'probationary', 'full_member'));--> statement-breakpoint
-- Records are evidence. Once submitted, a record changes only by a correction: in one transaction
-- a new row in activity_record_versions (revision + 1, with its reason) and the record updated to
-- that revision. Anything else (an edit in place, a change of attendance, photos or attachments,
-- a deletion, a return to draft) is refused here too, not only by the application.
-- `created_at = now()` holds only for a version row written in the current transaction.
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
CREATE TRIGGER activity_records_lock BEFORE UPDATE OR DELETE ON "activity_records" FOR EACH ROW EXECUTE FUNCTION activity_record_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION activity_record_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rid integer;
  st text;
  rev integer;
BEGIN
  IF TG_OP = 'DELETE' THEN rid := OLD.record_id; ELSE rid := NEW.record_id; END IF;
  IF TG_OP = 'UPDATE' AND OLD.record_id <> NEW.record_id THEN
    RAISE EXCEPTION '% rows do not move between records', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT status, revision INTO st, rev FROM activity_records WHERE id = rid;
  -- A draft's parts are free to change; a cascade from deleting a draft finds no parent.
  IF NOT FOUND OR st = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM activity_record_versions v
    WHERE v.record_id = rid AND v.revision = rev AND v.created_at = now()
  ) THEN
    RAISE EXCEPTION 'activity record % is locked: its % change only with a correction', rid, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_attendees_lock BEFORE INSERT OR UPDATE OR DELETE ON "activity_attendees" FOR EACH ROW EXECUTE FUNCTION activity_record_child_guard();
--> statement-breakpoint
CREATE TRIGGER activity_record_photos_lock BEFORE INSERT OR UPDATE OR DELETE ON "activity_record_photos" FOR EACH ROW EXECUTE FUNCTION activity_record_child_guard();
--> statement-breakpoint
CREATE TRIGGER activity_record_attachments_lock BEFORE INSERT OR UPDATE OR DELETE ON "activity_record_attachments" FOR EACH ROW EXECUTE FUNCTION activity_record_child_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_record_versions_append_only BEFORE UPDATE OR DELETE ON "activity_record_versions" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER person_transfers_append_only BEFORE UPDATE OR DELETE ON "person_transfers" FOR EACH ROW EXECUTE FUNCTION refuse_change();
