-- The shared task store of the A2A server (A2A_TASK_STORE=postgres): tasks with their push configs,
-- and the conversation history of each context. Times are those of the writing replica's clock:
-- updated_ns in epoch nanoseconds (the listing order), accessed_ms in epoch milliseconds (the
-- time-to-live). weight is the bytes a task retains in memory, estimated, bounded as in memory.

CREATE TABLE a2a_task (
    id           text   PRIMARY KEY,
    context_id   text   NOT NULL,
    state        text   NOT NULL,
    updated_ns   bigint NOT NULL,
    accessed_ms  bigint NOT NULL,
    version      bigint NOT NULL,
    weight       bigint NOT NULL,
    task         text   NOT NULL,
    push_configs text   NOT NULL
);

CREATE INDEX a2a_task_listing ON a2a_task (updated_ns DESC, id);
CREATE INDEX a2a_task_context ON a2a_task (context_id, updated_ns DESC, id);
CREATE INDEX a2a_task_accessed ON a2a_task (accessed_ms);

CREATE TABLE a2a_context (
    context_id  text   PRIMARY KEY,
    turns       jsonb  NOT NULL,
    weight      bigint NOT NULL,
    accessed_ms bigint NOT NULL
);

CREATE INDEX a2a_context_accessed ON a2a_context (accessed_ms);
