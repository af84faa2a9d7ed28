-- The auth-server's state. Portable SQL (H2 and PostgreSQL). Times are epoch seconds.
-- Tenant configuration (clients, APIs, client grants) is kept as Auth0 Management API JSON documents.
CREATE TABLE clients (
    client_id VARCHAR(128) PRIMARY KEY,
    document VARCHAR(100000) NOT NULL
);
CREATE TABLE resource_servers (
    id VARCHAR(64) PRIMARY KEY,
    identifier VARCHAR(600) NOT NULL UNIQUE,
    document VARCHAR(100000) NOT NULL
);
CREATE TABLE client_grants (
    id VARCHAR(64) PRIMARY KEY,
    client_id VARCHAR(128) NOT NULL,
    audience VARCHAR(600) NOT NULL,
    document VARCHAR(100000) NOT NULL,
    UNIQUE (client_id, audience)
);
-- Users of the database connection; email is stored lower-cased for the uniqueness check.
CREATE TABLE users (
    user_id VARCHAR(64) PRIMARY KEY,
    email VARCHAR(320) NOT NULL UNIQUE,
    password_hash VARCHAR(100),
    created_at BIGINT NOT NULL,
    document VARCHAR(100000) NOT NULL
);
-- Consents ("user grants"): the scopes a user allowed a client for an audience.
CREATE TABLE user_grants (
    id VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL,
    client_id VARCHAR(128) NOT NULL,
    audience VARCHAR(600) NOT NULL,
    scope VARCHAR(8000) NOT NULL,
    UNIQUE (user_id, client_id, audience)
);
-- SSO sessions; the cookie value is never stored, only its SHA-256.
CREATE TABLE sessions (
    cookie_hash VARCHAR(64) PRIMARY KEY,
    sid VARCHAR(64) NOT NULL UNIQUE,
    user_id VARCHAR(64) NOT NULL,
    auth_time BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
-- Authorization codes: single use, short lived; stored as SHA-256.
CREATE TABLE authorization_codes (
    code_hash VARCHAR(64) PRIMARY KEY,
    client_id VARCHAR(128) NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    redirect_uri VARCHAR(2048) NOT NULL,
    audience VARCHAR(600),
    scope VARCHAR(8000) NOT NULL,
    nonce VARCHAR(2048),
    code_challenge VARCHAR(128),
    sid VARCHAR(64),
    auth_time BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    family_id VARCHAR(64)
);
-- Refresh tokens, stored as SHA-256, in rotation families: reuse of a rotated token revokes its family.
CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    family_id VARCHAR(64) NOT NULL,
    client_id VARCHAR(128) NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    audience VARCHAR(600),
    scope VARCHAR(8000) NOT NULL,
    sid VARCHAR(64),
    auth_time BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    rotated_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
-- Public halves of the signing keys; the private keys are files in the data directory (owner-only).
CREATE TABLE signing_keys (
    kid VARCHAR(64) PRIMARY KEY,
    public_key VARCHAR(4000) NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
