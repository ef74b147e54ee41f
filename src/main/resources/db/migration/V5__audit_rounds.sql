-- Themed multi-agency deep-dive audits. Children are recorded by case reference and non-identifying facts only.
create table theme (
    id                bigserial primary key,
    code              varchar(60)  not null unique,
    title             varchar(200) not null,
    terms_of_reference text        not null,
    why               text         not null,
    headings          jsonb        not null,
    practice_prompts  text,
    what_else         text,
    working_days      boolean      not null default true,
    reminder_days     integer      not null default 3,
    active            boolean      not null default true,
    updated_by        varchar(100),
    updated_at        timestamptz  not null default now()
);

create table audit_round (
    id                   bigserial primary key,
    theme_id             bigint       not null references theme (id),
    title                varchar(200) not null,
    quarter              varchar(20),
    look_back_from       date         not null,
    look_back_to         date         not null,
    deadline             date         not null,
    reminder_date        date         not null,
    state                varchar(20)  not null,
    sample_method        varchar(20)  not null,
    random_seed          bigint,
    cohort_size          integer,
    findings             jsonb,
    sign_off_history     jsonb        not null default '[]',
    created_by           varchar(100) not null,
    created_at           timestamptz  not null,
    closed_at            timestamptz,
    version              bigint       not null default 0
);

create table sampled_child (
    id                bigserial primary key,
    round_id          bigint       not null references audit_round (id),
    case_reference    varchar(40)  not null,
    age               integer,
    sex               varchar(30),
    ethnicity         varchar(80),
    plan_type         varchar(60),
    agencies          text[]       not null,
    agreed_grade      varchar(30),
    rationale         text,
    assurances        text,
    gaps_in_assurance text,
    moderated_by      varchar(100),
    moderated_at      timestamptz,
    constraint sampled_child_unique_case unique (round_id, case_reference)
);

create table agency_return (
    id               bigserial primary key,
    round_id         bigint      not null references audit_round (id),
    child_id         bigint      not null references sampled_child (id),
    agency_code      varchar(40) not null,
    state            varchar(20) not null,
    deadline         date        not null,
    answers          jsonb,
    overall_grade    varchar(30),
    submitted_by     varchar(100),
    received_at      timestamptz,
    overdue          boolean     not null default false,
    reminder_sent_at timestamptz,
    withdrawn_reason text,
    constraint agency_return_unique unique (child_id, agency_code)
);

create table round_action (
    id           bigserial primary key,
    round_id     bigint       not null references audit_round (id),
    child_id     bigint       references sampled_child (id),
    description  text         not null,
    lead_agency  varchar(40),
    owner        varchar(200),
    due_date     date,
    status       varchar(20)  not null,
    created_at   timestamptz  not null
);

create table briefing_version (
    id          bigserial primary key,
    round_id    bigint       not null references audit_round (id),
    version     integer      not null,
    panels      jsonb        not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    published   boolean      not null default false,
    constraint briefing_version_unique unique (round_id, version)
);

create table safeguarding_concern (
    id               bigserial primary key,
    round_id         bigint references audit_round (id),
    case_reference   varchar(40)  not null,
    raised_by        varchar(100) not null,
    raised_by_agency varchar(40)  not null,
    lead_agency      varchar(40)  not null,
    description      text         not null,
    raised_at        timestamptz  not null,
    respond_by       timestamptz  not null,
    action_taken     text,
    risk_managed     varchar(20),
    responded_by     varchar(100),
    responded_at     timestamptz,
    escalated_at     timestamptz
);

-- Messages the application sends (or, without SMTP, only shows on the outbox page).
create table notification (
    id          bigserial primary key,
    dedupe_key  varchar(200) not null unique,
    recipients  text         not null,
    subject     varchar(300) not null,
    body        text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    last_error  varchar(1000)
);
