-- Human tasks: one row per job-worker user task job handed out by the engine.
create table task (
    id                     bigserial primary key,
    job_key                bigint       not null unique,
    process_instance_key   bigint       not null,
    process_definition_key bigint       not null,
    bpmn_process_id        varchar(200) not null,
    element_id             varchar(200) not null,
    element_instance_key   bigint       not null,
    name                   varchar(300) not null,
    form_key               varchar(200),
    candidate_groups       text[]       not null default '{}',
    due_at                 timestamptz,
    created_at             timestamptz  not null,
    state                  varchar(20)  not null,
    subject_type           varchar(60),
    subject_id             varchar(100),
    case_reference         varchar(60),
    answers                jsonb,
    draft_saved_at         timestamptz,
    submitted_by           varchar(100),
    submitted_at           timestamptz,
    completed_at           timestamptz,
    closed_reason          varchar(500),
    delivery_attempts      integer      not null default 0,
    last_delivery_error    varchar(1000),
    version                bigint       not null default 0
);
create index task_open_by_group on task using gin (candidate_groups) where state in ('OPEN', 'SUBMITTED');
create index task_by_process_instance on task (process_instance_key);
