-- Replicas: the replica whose turn a submitted or working task waits on holds a lease on it, which
-- it renews while it runs; a task whose lease ran out (its replica died) is failed by any other.
-- Every new version of a task is announced on channel a2a_task (the payload is the task id), so
-- replicas hand its events to their subscribers and stop turns canceled elsewhere.

ALTER TABLE a2a_task ADD COLUMN owner text, ADD COLUMN lease_ms bigint;

CREATE INDEX a2a_task_leases ON a2a_task (lease_ms) WHERE state IN ('submitted', 'working');

CREATE FUNCTION a2a_task_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('a2a_task', NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER a2a_task_inserted AFTER INSERT ON a2a_task
  FOR EACH ROW EXECUTE FUNCTION a2a_task_changed();

CREATE TRIGGER a2a_task_updated AFTER UPDATE ON a2a_task
  FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
  EXECUTE FUNCTION a2a_task_changed();
