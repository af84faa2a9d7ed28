-- Organizer API schema, version 1. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- Every row belongs to one user: owner is the access token's sub (auth0|..., or <client_id>@clients).

CREATE TABLE contact (
    id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner    VARCHAR(255)  NOT NULL,
    name     VARCHAR(200)  NOT NULL,
    email    VARCHAR(320),
    phone    VARCHAR(64),
    company  VARCHAR(200),
    notes    VARCHAR(4000)
);

CREATE INDEX contact_owner_name ON contact (owner, name);

CREATE TABLE appointment (
    id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner     VARCHAR(255)  NOT NULL,
    title     VARCHAR(200)  NOT NULL,
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at   TIMESTAMP WITH TIME ZONE,
    location  VARCHAR(200),
    notes     VARCHAR(4000)
);

CREATE INDEX appointment_owner_start ON appointment (owner, starts_at);

-- One row per (user, kind of sample data) once the first-request sample has been written, so that a user who
-- deletes the sample never gets it back and two first requests at once seed only once (the primary key decides).
CREATE TABLE sample_seed (
    owner     VARCHAR(255) NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    seeded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, kind)
);
