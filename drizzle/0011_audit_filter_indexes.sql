CREATE INDEX "audit_log_entity_type_at_idx" ON "audit_log" USING btree ("entity_type","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_name_at_idx" ON "audit_log" USING btree ("actor_name","at","id");