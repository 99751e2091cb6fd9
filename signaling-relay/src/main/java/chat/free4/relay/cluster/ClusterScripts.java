package chat.free4.relay.cluster;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Lua scripts that change seats. Each runs atomically in Redis, so two instances seating
 * peers in one room at once cannot pass its limits together (decision 0026). Keys, all under
 * {@code f4c:}: {@code alive:<instance>} (heartbeat, expires), {@code m:<room>} (hash peer id to
 * seat JSON), {@code r:<room>} (the room's JSON), sets {@code rooms} and {@code pub} (public ones),
 * {@code up} and {@code grace} (a store that lost its data gives instances one TTL to restore
 * their seats before anything counts as gone).
 */
final class ClusterScripts {
    private static final String PRELUDE = """
            local P = 'f4c:'
            local function recovering(ttl)
              if redis.call('SET', P .. 'up', '1', 'NX') then
                redis.call('SET', P .. 'grace', '1', 'PX', ttl)
              end
              return redis.call('EXISTS', P .. 'grace') == 1
            end
            local alive = {}
            local function isAlive(inst)
              local a = alive[inst]
              if a == nil then
                a = redis.call('EXISTS', P .. 'alive:' .. inst) == 1
                alive[inst] = a
              end
              return a
            end
            local function seats(rk, keepDead)
              local mkey = P .. 'm:' .. rk
              local flat = redis.call('HGETALL', mkey)
              local out = {}
              for i = 1, #flat, 2 do
                local ok, s = pcall(cjson.decode, flat[i + 1])
                if ok and type(s) == 'table' and type(s.i) == 'string' and type(s.n) == 'string' then
                  if keepDead or isAlive(s.i) then out[flat[i]] = s else redis.call('HDEL', mkey, flat[i]) end
                else
                  redis.call('HDEL', mkey, flat[i])
                end
              end
              return out
            end
            local function dropIfEmpty(rk)
              if redis.call('HLEN', P .. 'm:' .. rk) == 0 then
                redis.call('DEL', P .. 'r:' .. rk)
                redis.call('SREM', P .. 'rooms', rk)
                redis.call('SREM', P .. 'pub', rk)
              end
            end
            local function ensureRoom(rk, meta)
              local cur = redis.call('GET', P .. 'r:' .. rk)
              if cur then return cur end
              redis.call('SET', P .. 'r:' .. rk, meta)
              redis.call('SADD', P .. 'rooms', rk)
              local ok, m = pcall(cjson.decode, meta)
              if ok and m.p then redis.call('SADD', P .. 'pub', rk) end
              return meta
            end
            """;

    /** ARGV: instance, alive ms, ttl ms. Renews the heartbeat; 1 while the store recovers. */
    static final Script BEAT = new Script(PRELUDE + """
            local r = recovering(tonumber(ARGV[3]))
            redis.call('SET', P .. 'alive:' .. ARGV[1], '1', 'PX', tonumber(ARGV[2]))
            if r then return 1 end
            return 0
            """);

    /** ARGV: room key, ttl ms. The room's JSON, or nil when it has no live seats. */
    static final Script LOOKUP = new Script(PRELUDE + """
            local r = recovering(tonumber(ARGV[2]))
            local s = seats(ARGV[1], r)
            if next(s) == nil then
              dropIfEmpty(ARGV[1])
              return false
            end
            return redis.call('GET', P .. 'r:' .. ARGV[1])
            """);

    /**
     * ARGV: room key, peer id, seat JSON, max peers, name key, secret hash hex, room JSON to create,
     * expected verifier (base64 or ""), ttl ms. Answers {outcome, room JSON, previous instance or
     * taken name, then peer id, name, instance of every other seat}.
     */
    static final Script CLAIM = new Script(PRELUDE + """
            local rk, pid = ARGV[1], ARGV[2]
            if recovering(tonumber(ARGV[9])) then return {'recovering', '', ''} end
            local s = seats(rk, false)
            if next(s) == nil then dropIfEmpty(rk) end
            local metaText = ensureRoom(rk, ARGV[7])
            local ok, m = pcall(cjson.decode, metaText)
            local v = ''
            if ok and type(m) == 'table' and type(m.v) == 'string' then v = m.v end
            if v ~= ARGV[8] then return {'changed', metaText, ''} end
            local prev = ''
            local ex = s[pid]
            if ex then
              if type(ex.s) ~= 'string' or ex.s == '' or ex.s ~= ARGV[6] then return {'peer_taken', metaText, ''} end
              prev = ex.i
            else
              local n = 0
              for _ in pairs(s) do n = n + 1 end
              if n >= tonumber(ARGV[4]) then return {'full', metaText, ''} end
              for _, seat in pairs(s) do
                if seat.k == ARGV[5] then return {'name_taken', metaText, seat.n} end
              end
            end
            redis.call('HSET', P .. 'm:' .. rk, pid, ARGV[3])
            local out = {'seated', metaText, prev}
            for id, seat in pairs(s) do
              if id ~= pid then
                table.insert(out, id); table.insert(out, seat.n); table.insert(out, seat.i)
              end
            end
            return out
            """);

    /** ARGV: room key, peer id, instance. Frees the seat if this instance still holds it. */
    static final Script RELEASE = new Script(PRELUDE + """
            local mkey = P .. 'm:' .. ARGV[1]
            local v = redis.call('HGET', mkey, ARGV[2])
            if v then
              local ok, s = pcall(cjson.decode, v)
              if (not ok) or type(s) ~= 'table' or s.i == ARGV[3] then redis.call('HDEL', mkey, ARGV[2]) end
            end
            dropIfEmpty(ARGV[1])
            return 1
            """);

    /**
     * ARGV: room key, instance, room JSON, ttl ms, then peer id and seat JSON of each local seat.
     * Frees dead instances' seats, restores this instance's missing ones, and answers {recovering
     * 0/1, then peer id, name, instance of every seat}.
     */
    static final Script SYNC = new Script(PRELUDE + """
            local rk = ARGV[1]
            local r = recovering(tonumber(ARGV[4]))
            local s = seats(rk, r)
            ensureRoom(rk, ARGV[3])
            for i = 5, #ARGV, 2 do
              if s[ARGV[i]] == nil then
                redis.call('HSET', P .. 'm:' .. rk, ARGV[i], ARGV[i + 1])
                s[ARGV[i]] = cjson.decode(ARGV[i + 1])
              end
            end
            local out = {r and '1' or '0'}
            for id, seat in pairs(s) do
              table.insert(out, id); table.insert(out, seat.n); table.insert(out, seat.i)
            end
            return out
            """);

    /**
     * ARGV: instance, heartbeat ms, ttl ms. Once per heartbeat one instance frees the dead seats of
     * every room (rooms whose instances all died have nobody else to do it); answers room JSON and
     * member count of every public room.
     */
    static final Script LIST = new Script(PRELUDE + """
            local r = recovering(tonumber(ARGV[3]))
            if (not r) and redis.call('SET', P .. 'reaper', ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then
              for _, rk in ipairs(redis.call('SMEMBERS', P .. 'rooms')) do
                seats(rk, false)
                dropIfEmpty(rk)
              end
            end
            local out = {}
            for _, rk in ipairs(redis.call('SMEMBERS', P .. 'pub')) do
              local n = redis.call('HLEN', P .. 'm:' .. rk)
              local meta = redis.call('GET', P .. 'r:' .. rk)
              if n > 0 and meta then
                table.insert(out, meta); table.insert(out, n)
              end
            end
            return out
            """);

    private ClusterScripts() {
    }

    /** A script run by its SHA-1, sent whole only when Redis does not know it (after a restart). */
    static final class Script {
        final String text;
        final String sha;

        Script(String text) {
            this.text = text;
            try {
                this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, ScriptOutputType type, String... args) {
            return redis.<T>evalsha(sha, type, new String[0], args).toCompletableFuture()
                    .exceptionallyCompose(failure -> {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof RedisNoScriptException) {
                            return redis.<T>eval(text, type, new String[0], args).toCompletableFuture();
                        }
                        return CompletableFuture.failedFuture(cause);
                    });
        }
    }
}
