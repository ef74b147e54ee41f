-- Actions of every process, tracked to completion in one place (module org.partnershipqa.action), with the history
-- of every change. Replaces the audit round's own round_action table.
create table action (
    id             bigserial primary key,
    source_process varchar(60)  not null,
    subject_type   varchar(60)  not null,
    subject_id     varchar(100) not null,
    subject_label  varchar(300),
    case_reference varchar(40),
    finding        text,
    description    text         not null,
    lead_agency    varchar(40),
    owner          varchar(200),
    due_date       date,
    status         varchar(20)  not null,
    evidence       text,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);
-- propose() is idempotent on this: a workflow step handed out twice adds no second action
create unique index action_proposal_unique
    on action (subject_type, subject_id, coalesce(case_reference, ''), md5(description));
create index action_by_lead_agency on action (lead_agency);

create table action_change (
    id         bigserial primary key,
    action_id  bigint        not null references action (id),
    changed_at timestamptz   not null,
    changed_by varchar(100)  not null,
    what       varchar(1000) not null,
    note       text
);
create index action_change_by_action on action_change (action_id);

-- Move the audit rounds' actions (PROPOSED, ONGOING and COMPLETED keep their status), oldest first.
insert into action (source_process, subject_type, subject_id, subject_label, case_reference, description, lead_agency,
                    owner, due_date, status, created_by, created_at)
select 'themed-audit-round', 'audit-round', ra.round_id::text, r.title, c.case_reference, ra.description,
       ra.lead_agency, ra.owner, ra.due_date, ra.status, 'system', ra.created_at
from round_action ra
join audit_round r on r.id = ra.round_id
left join sampled_child c on c.id = ra.child_id
where ra.id in (select min(id) from round_action group by round_id, child_id, md5(description))
order by ra.id;

insert into action_change (action_id, changed_at, changed_by, what)
select id, now(), 'system', 'Moved from the audit round''s actions' from action order by id;

drop table round_action;
