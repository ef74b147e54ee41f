-- Spring Modulith's event publication registry: the durable hand-off between the database and the engine.
create table event_publication (
    id               uuid         not null primary key,
    listener_id      text         not null,
    event_type       text         not null,
    serialized_event text         not null,
    publication_date timestamptz  not null,
    completion_date  timestamptz
);
create index event_publication_by_completion_date on event_publication (completion_date);
