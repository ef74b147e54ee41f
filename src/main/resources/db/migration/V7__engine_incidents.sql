-- When this application first saw each open incident of the embedded engine. The engine's own state keeps no
-- time stamps and its log is compacted, so the time an incident was noticed is kept here; a row is removed
-- once its incident is resolved.
create table engine_incident (
    incident_key bigint      not null primary key,
    first_seen   timestamptz not null
);
