package cn.suixin.agent.outbox;

/** One agent-to-server message that must survive restarts until the server acknowledges its id. */
public record OutboxMessage(String id, String json) {}
