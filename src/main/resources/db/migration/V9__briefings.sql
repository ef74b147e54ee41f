-- Briefings become their own module: a briefing belongs to a subject (an audit round today, a rapid review
-- next), keeps every version with its state and the PQA sub-group's sign-off decisions, and is drafted from a
-- panel template kept as data. Existing rounds keep their briefings and their sign-off history.

create table briefing_template_panel (
    id        bigserial    primary key,
    template  varchar(60)  not null,
    position  integer      not null,
    title     varchar(200) not null,
    fact      varchar(60)  not null,  -- what the panel is drafted from: why, whatWeDid, goodPractice, ...
    constraint briefing_template_panel_unique unique (template, position)
);

insert into briefing_template_panel (template, position, title, fact) values
    ('7-minute-briefing', 1, 'Why?', 'why'),
    ('7-minute-briefing', 2, 'What did we do?', 'whatWeDid'),
    ('7-minute-briefing', 3, 'Good practice', 'goodPractice'),
    ('7-minute-briefing', 4, 'Areas for development', 'areasForDevelopment'),
    ('7-minute-briefing', 5, 'What you can do to improve your practice', 'practicePrompts'),
    ('7-minute-briefing', 6, 'Using supervision and escalation', 'escalationPrompts'),
    ('7-minute-briefing', 7, 'What else?', 'whatElse');

create table briefing (
    id            bigserial    primary key,
    subject_type  varchar(40)  not null,
    subject_id    varchar(60)  not null,
    title         varchar(200) not null,
    template      varchar(60)  not null,
    created_at    timestamptz  not null,
    constraint briefing_subject_unique unique (subject_type, subject_id)
);

insert into briefing (subject_type, subject_id, title, template, created_at)
select 'audit-round', r.id::text, r.title, '7-minute-briefing',
       coalesce((select min(v.created_at) from briefing_version v where v.round_id = r.id), r.created_at)
from audit_round r
where exists (select 1 from briefing_version v where v.round_id = r.id)
   or jsonb_array_length(r.sign_off_history) > 0
order by r.id;

-- Versions stay where they are and now belong to a briefing, with a state instead of a published flag.
alter table briefing_version
    add column briefing_id            bigint references briefing (id),
    add column state                  varchar(20),
    add column published_at           timestamptz,
    add column sign_off_requested_by  varchar(100),
    add column sign_off_requested_at  timestamptz;

update briefing_version v set briefing_id = b.id
from briefing b
where b.subject_type = 'audit-round' and b.subject_id = v.round_id::text;

-- The newest published version stays published; versions before it are superseded; versions saved after it
-- (a change made after sign-off) are drafts. Without a published version every version is a draft.
update briefing_version v set state = case
        when p.number is null then 'DRAFT'
        when v.version = p.number then 'PUBLISHED'
        when v.version < p.number then 'SUPERSEDED'
        else 'DRAFT' end,
    published_at = case when v.version = p.number then coalesce(p.closed_at, v.created_at) end
from (select b.id as briefing_id, r.closed_at,
             (select max(x.version) from briefing_version x where x.briefing_id = b.id and x.published) as number
      from briefing b join audit_round r on b.subject_type = 'audit-round' and b.subject_id = r.id::text) p
where p.briefing_id = v.briefing_id;

alter table briefing_version drop constraint briefing_version_unique;
alter table briefing_version drop column round_id;
alter table briefing_version drop column published;
alter table briefing_version rename column version to number;
alter table briefing_version alter column briefing_id set not null;
alter table briefing_version alter column state set not null;
alter table briefing_version add constraint briefing_version_unique unique (briefing_id, number);

create table briefing_decision (
    id               bigserial    primary key,
    briefing_id      bigint       not null references briefing (id),
    version_number   integer,      -- the latest version when decided; unknown for decisions moved here
    decision         varchar(20)  not null,
    comments         text         not null default '',
    decided_by       varchar(100) not null default '',
    decided_at       timestamptz  not null,
    idempotency_key  varchar(100) not null,
    constraint briefing_decision_key unique (briefing_id, idempotency_key)
);

insert into briefing_decision (briefing_id, decision, comments, decided_by, decided_at, idempotency_key)
select b.id, h.entry ->> 'decision', coalesce(h.entry ->> 'comments', ''), coalesce(h.entry ->> 'by', ''),
       (h.entry ->> 'at')::timestamptz, h.entry ->> 'key'
from audit_round r
cross join lateral jsonb_array_elements(r.sign_off_history) with ordinality as h(entry, n)
join briefing b on b.subject_type = 'audit-round' and b.subject_id = r.id::text
order by r.id, h.n;

alter table audit_round drop column sign_off_history;
