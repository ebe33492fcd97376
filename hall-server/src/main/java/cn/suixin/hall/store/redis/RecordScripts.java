package cn.suixin.hall.store.redis;

/**
 * Record writes touch a collection's values and its key order together, so each is one script.
 * KEYS: values hash, order sorted set, order counter. ARGV: key, then the JSON value.
 */
final class RecordScripts {

  private RecordScripts() {}

  static final LuaScript PUT =
      LuaScript.of(
          "put",
          """
      if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then
        redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
      end
      return 1
      """);

  /** Returns the value already there, or nil when this call stored it. */
  static final LuaScript PUT_IF_ABSENT =
      LuaScript.of(
          "putIfAbsent",
          """
      if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
        redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
        return false
      end
      return redis.call('HGET', KEYS[1], ARGV[1])
      """);

  static final LuaScript REMOVE =
      LuaScript.of(
          "remove",
          """
      redis.call('HDEL', KEYS[1], ARGV[1])
      redis.call('ZREM', KEYS[2], ARGV[1])
      return 1
      """);

  /** Values in the order their keys were first written. */
  static final LuaScript LIST =
      LuaScript.of(
          "list",
          """
      local keys = redis.call('ZRANGE', KEYS[2], 0, -1)
      local values = {}
      for _, key in ipairs(keys) do
        local value = redis.call('HGET', KEYS[1], key)
        if value then
          values[#values + 1] = value
        end
      end
      return values
      """);
}
