DROP INDEX "articles_author_idx";--> statement-breakpoint
DROP INDEX "media_created_idx";--> statement-breakpoint
CREATE INDEX "articles_updated_idx" ON "articles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_status_updated_idx" ON "articles" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_author_updated_idx" ON "articles" USING btree ("author_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_published_order_idx" ON "articles" USING btree (coalesce("published_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "articles_status_published_order_idx" ON "articles" USING btree ("status",coalesce("published_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "media_created_idx" ON "media" USING btree ("created_at","id");