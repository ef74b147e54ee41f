-- Who viewed or changed which child-level record, and when. Rows are only ever added.
create table access_log (
    id             bigserial primary key,
    at             timestamptz  not null default now(),
    username       varchar(100) not null,
    action         varchar(20)  not null,
    record_type    varchar(60)  not null,
    record_id      varchar(100) not null,
    case_reference varchar(60),
    detail         varchar(500)
);
create index access_log_by_record on access_log (record_type, record_id);
create index access_log_by_case on access_log (case_reference);
