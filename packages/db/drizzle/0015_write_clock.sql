CREATE TABLE "write_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"tasks" bigint DEFAULT 0 NOT NULL,
	"task_support_units" bigint DEFAULT 0 NOT NULL,
	"users" bigint DEFAULT 0 NOT NULL,
	"people" bigint DEFAULT 0 NOT NULL,
	"memberships" bigint DEFAULT 0 NOT NULL,
	"sessions" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "write_clock" ADD CONSTRAINT "write_clock_one_row" CHECK ("id" = 1);--> statement-breakpoint
INSERT INTO "write_clock" ("id") VALUES (1);--> statement-breakpoint
-- Raises the written table's counter once per transaction. Fired by deferred constraint triggers, so it
-- runs at commit, after the transaction's own row locks are all taken: the clock row's lock is held only
-- for the commit itself, and no transaction waits for it while holding a lock another one needs.
CREATE FUNCTION "hub_count_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR current_setting('hub.clock_' || TG_TABLE_NAME, true) IS DISTINCT FROM 'raised' THEN
    IF TG_LEVEL = 'ROW' THEN
      PERFORM set_config('hub.clock_' || TG_TABLE_NAME, 'raised', true);
    END IF;
    EXECUTE format('UPDATE write_clock SET %1$I = %1$I + 1 WHERE id = 1', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "tasks_write_clock" AFTER INSERT OR UPDATE OR DELETE ON "tasks" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "task_support_units_write_clock" AFTER INSERT OR UPDATE OR DELETE ON "task_support_units" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "users_write_clock" AFTER INSERT OR UPDATE OR DELETE ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_write_clock" AFTER INSERT OR UPDATE OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "memberships_write_clock" AFTER INSERT OR UPDATE OR DELETE ON "memberships" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
-- Sessions: only an ended session matters to the caches (a login or an hourly renewal does not).
CREATE CONSTRAINT TRIGGER "sessions_write_clock" AFTER DELETE ON "sessions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "tasks_write_clock_truncate" AFTER TRUNCATE ON "tasks" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "task_support_units_write_clock_truncate" AFTER TRUNCATE ON "task_support_units" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "users_write_clock_truncate" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "people_write_clock_truncate" AFTER TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "memberships_write_clock_truncate" AFTER TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();--> statement-breakpoint
CREATE TRIGGER "sessions_write_clock_truncate" AFTER TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "hub_count_write"();
