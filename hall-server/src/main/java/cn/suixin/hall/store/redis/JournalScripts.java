package cn.suixin.hall.store.redis;

/** The scripts that guard a hall's stream; each runs atomically inside Redis. */
final class JournalScripts {

  private JournalScripts() {}

  /**
   * KEYS: stream, owner hash. ARGV: writer's token, first seq, then per seq its payload and the
   * payload's CRC32C. Appends only for the current owner and only right after the stream's last id;
   * the explicit ids {@code <seq>-0} make XADD itself refuse anything out of order. Returns the new
   * last seq.
   */
  static final LuaScript APPEND =
      LuaScript.of(
          "append",
          """
      local owner = redis.call('HGET', KEYS[2], 'token')
      if owner ~= ARGV[1] then
        return redis.error_reply('FENCED hall is owned by token ' .. tostring(owner)
          .. ', this writer holds ' .. ARGV[1])
      end
      local last = 0
      local tail = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
      if #tail > 0 then
        last = tonumber(string.match(tail[1][1], '^(%d+)-'))
      end
      local first = tonumber(ARGV[2])
      if first ~= last + 1 then
        return redis.error_reply('SEQGAP journal expects seq ' .. string.format('%d', last + 1)
          .. ' but the batch starts at ' .. ARGV[2])
      end
      local count = (#ARGV - 2) / 2
      for i = 0, count - 1 do
        redis.call('XADD', KEYS[1], string.format('%d-0', first + i),
          'e', ARGV[3 + 2 * i], 'c', ARGV[4 + 2 * i])
      end
      return first + count - 1
      """);

  /**
   * KEYS: fence counter, owner hash. ARGV: node id. Takes the hall with a token higher than any
   * handed out before, so every earlier owner's appends are refused from now on.
   */
  static final LuaScript ACQUIRE =
      LuaScript.of(
          "acquire",
          """
      local token = redis.call('INCR', KEYS[1])
      redis.call('HSET', KEYS[2], 'token', tostring(token), 'node', ARGV[1])
      return token
      """);

  /**
   * KEYS: stream, its rebuilt copy, owner hash. ARGV: the repair's token, the stream's last id when
   * the repair read it. Puts the rebuilt stream in place, only if the repair still owns the hall
   * and nothing was appended meanwhile.
   */
  static final LuaScript REPLACE =
      LuaScript.of(
          "replace",
          """
      local owner = redis.call('HGET', KEYS[3], 'token')
      if owner ~= ARGV[1] then
        return redis.error_reply('FENCED hall is owned by token ' .. tostring(owner) .. ' now, not the repair')
      end
      local tail = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
      local last = ''
      if #tail > 0 then
        last = tail[1][1]
      end
      if last ~= ARGV[2] then
        return redis.error_reply('CHANGED the stream ends at ' .. last .. ' now, not ' .. ARGV[2])
      end
      redis.call('RENAME', KEYS[2], KEYS[1])
      return 'OK'
      """);
}
