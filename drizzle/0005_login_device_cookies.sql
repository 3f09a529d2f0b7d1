ALTER TABLE "login_attempts" ALTER COLUMN "ip" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "device_id" text;--> statement-breakpoint
CREATE INDEX "login_attempts_device_idx" ON "login_attempts" USING btree ("device_id","attempted_at") WHERE "login_attempts"."device_id" is not null;