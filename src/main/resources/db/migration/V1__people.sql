-- Agencies and people. Candidate groups in the BPMN models name agencies by their stable code, or roles.
create table agency (
    id          bigserial primary key,
    code        varchar(40)  not null unique,
    name        varchar(200) not null,
    active      boolean      not null default true,
    safeguarding_contact_email varchar(320),
    constraint agency_code_format check (code ~ '^[a-z][a-z0-9-]{1,39}$')
);

create table app_user (
    id             bigserial primary key,
    username       varchar(100) not null unique,
    display_name   varchar(200) not null,
    email          varchar(320),
    password_hash  varchar(200),
    agency_id      bigint not null references agency (id),
    enabled        boolean not null default true,
    created_at     timestamptz not null default now()
);

create table app_user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    varchar(40) not null,
    primary key (user_id, role)
);

-- A partnership's usual agencies; administrators edit them in the app.
insert into agency (code, name) values
    ('business-unit',     'Safeguarding partnership business unit'),
    ('csc',               'Children''s social care'),
    ('police',            'Police'),
    ('icb',               'Integrated care board'),
    ('acute-health',      'Acute and community health trust'),
    ('gp',                'GP and primary care'),
    ('mental-health',     'Mental health trust'),
    ('schools',           'Schools and education'),
    ('early-years',       'Early years settings'),
    ('early-help',        'Early help'),
    ('housing',           'Housing'),
    ('probation',         'Probation service'),
    ('sarc',              'Sexual assault referral centre (SARC)'),
    ('youth-justice',     'Youth justice service'),
    ('adult-social-care', 'Adult social care');
