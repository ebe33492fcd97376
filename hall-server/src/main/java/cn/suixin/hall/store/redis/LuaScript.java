package cn.suixin.hall.store.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A server-side script run by its SHA-1 ({@code EVALSHA}); Redis knows it from {@code SCRIPT LOAD}
 * on each new connection, and {@code EVAL} covers a script cache flushed under us.
 */
record LuaScript(String name, String source, String sha) {

  static LuaScript of(String name, String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(name, source, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  Request load() {
    return Request.cmd(Command.SCRIPT).arg("LOAD").arg(source);
  }

  Request evalSha(List<String> keys, List<Object> args) {
    return withArguments(Request.cmd(Command.EVALSHA).arg(sha), keys, args);
  }

  Request eval(List<String> keys, List<Object> args) {
    return withArguments(Request.cmd(Command.EVAL).arg(source), keys, args);
  }

  private static Request withArguments(Request request, List<String> keys, List<Object> args) {
    request.arg(keys.size());
    keys.forEach(request::arg);
    for (Object arg : args) {
      if (arg instanceof byte[] bytes) {
        request.arg(bytes);
      } else if (arg instanceof Long number) {
        request.arg(number.longValue());
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
  }
}
