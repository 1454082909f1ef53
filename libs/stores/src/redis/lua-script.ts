import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-link';

/** A key or an ARGV value of a script call. */
export type ScriptArg = string | number;

/** Runs the script on `client` with its keys first, then its ARGV; resolves with what the script returns. */
export type LuaScript<R> = (client: RedisClient, ...args: ScriptArg[]) => Promise<R>;

type DefinedCommand = (...args: ScriptArg[]) => Promise<unknown>;

/**
 * A Lua script as an ioredis custom command (`defineCommand`), defined on each client the first time it runs there.
 * ioredis sends EVAL the first time on each connection and EVALSHA after, on the same connection, so scripts keep
 * the order they were called in (an EVALSHA-then-EVAL fallback could reorder them). The command is named by the
 * script's hash, so stores sharing a client never overwrite each other's scripts. `R` is what the Lua returns.
 */
export function luaScript<R>(lua: string, numberOfKeys: number, readOnly = false): LuaScript<R> {
  const name = `lua${createHash('sha1').update(lua).digest('hex')}`;
  return (client, ...args) => {
    if (!(name in client)) client.defineCommand(name, { lua, numberOfKeys, readOnly });
    const command = (client as unknown as Record<string, DefinedCommand>)[name]!;
    return command.apply(client, args) as Promise<R>;
  };
}
