CREATE INDEX "trainees_round_branch_idx" ON "trainees" USING btree ("round_id","branch_id");--> statement-breakpoint
CREATE INDEX "training_rounds_kind_starts_idx" ON "training_rounds" USING btree ("kind","starts_on","id");--> statement-breakpoint
-- Guards the training model lacked: attendance pairs a session with a trainee of the SAME round,
-- and a session's date lies inside its round's dates (also when the round's dates change).
CREATE FUNCTION "training_attendance_same_round"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "training_sessions" s JOIN "trainees" t ON t."round_id" = s."round_id"
    WHERE s."id" = NEW."session_id" AND t."id" = NEW."trainee_id"
  ) THEN
    RAISE EXCEPTION 'training attendance: trainee % is not enrolled in the round of session %', NEW."trainee_id", NEW."session_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'training_attendance_round_check';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "training_attendance_same_round" BEFORE INSERT OR UPDATE ON "training_attendance"
  FOR EACH ROW EXECUTE FUNCTION "training_attendance_same_round"();--> statement-breakpoint
CREATE FUNCTION "training_sessions_in_round"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "training_rounds" r WHERE r."id" = NEW."round_id" AND NEW."held_on" BETWEEN r."starts_on" AND r."ends_on"
  ) THEN
    RAISE EXCEPTION 'training session on % lies outside its round %', NEW."held_on", NEW."round_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'training_sessions_dates_check';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "training_sessions_in_round" BEFORE INSERT OR UPDATE OF "held_on", "round_id" ON "training_sessions"
  FOR EACH ROW EXECUTE FUNCTION "training_sessions_in_round"();--> statement-breakpoint
CREATE FUNCTION "training_rounds_cover_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "training_sessions" s WHERE s."round_id" = NEW."id" AND s."held_on" NOT BETWEEN NEW."starts_on" AND NEW."ends_on"
  ) THEN
    RAISE EXCEPTION 'training round % would leave sessions outside its dates', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'training_sessions_dates_check';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "training_rounds_cover_sessions" BEFORE UPDATE OF "starts_on", "ends_on" ON "training_rounds"
  FOR EACH ROW EXECUTE FUNCTION "training_rounds_cover_sessions"();
