-- Personal API tokens for automation clients. Only a SHA-256 hash of each token is kept (a 256-bit random token
-- needs no slow hash); the token itself is shown once, when it is created.
create table api_token (
    id            bigserial primary key,
    user_id       bigint       not null references app_user (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    varchar(64)  not null unique,
    prefix        varchar(20)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    varchar(100)
);
create index api_token_by_user on api_token (user_id);
