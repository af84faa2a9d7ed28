-- the first version
CREATE TABLE note (id VARCHAR(36) PRIMARY KEY, body VARCHAR(200));
