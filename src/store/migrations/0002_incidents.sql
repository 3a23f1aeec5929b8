CREATE TABLE "incident_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"body_enc" "bytea" NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"countable" boolean DEFAULT false NOT NULL,
	"duplicate_of" text,
	"case_id" text,
	"date" date,
	"state" text,
	"county" text,
	"agency" text,
	"agency_key" text,
	"models" text[],
	"had_agreement" text,
	"agreement_ids" jsonb,
	"contact_kind" text,
	"stop_reason" text,
	"outcome" text,
	"asked_about_status" text,
	"arrested" text,
	"detainer_lodged" text,
	"transferred_to_ice" text,
	"held_minutes" integer,
	"minutes_beyond_release" integer,
	"reporter_role" text,
	"ethnicity" text,
	"language" text,
	"age_range" text,
	"gender" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "incident_reports_status_check" CHECK ("incident_reports"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_reports_org_status_idx" ON "incident_reports" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "incident_reports_org_agency_date_idx" ON "incident_reports" USING btree ("org_id","agency_key","date");--> statement-breakpoint
CREATE INDEX "incident_reports_duplicate_of_idx" ON "incident_reports" USING btree ("duplicate_of");