import type { ClassConstructor } from 'class-transformer';
import { OperationTable, type OperationDefinition } from './operation-table';

/**
 * What every operation definition holds, whatever its resource: its name (the v2 `operationName`, which is also the
 * capability name GWS lists), the DTO of its v2 body (validation, and the body's OpenAPI schema) and how a
 * validated body becomes the command's parameters. Each resource adds what running the command does (a call's
 * T-Server request and call-table preparation, a device's request, ...).
 *
 * The parameters are the command's own type, not the v2 body: another API surface (Workspace API v3's
 * `POST /workspace/v3/voice/calls/{id}/hold`) builds them from its own body and runs the same definition.
 */
export interface Command<P = unknown, D extends object = object> {
  readonly name: string;
  readonly dto: ClassConstructor<D>;
  params(body: D): P;
}

/** A definition before `commandTable` names it after its key. */
export type CommandSpec<C extends Command> = Omit<C, 'name'>;

type Named<T> = { readonly [K in keyof T & string]: T[K] & { readonly name: K } };

/**
 * Names each definition after its key, so that the operationName is written once, as the key. The entries are
 * checked as commands where the table is used (v2Operations, the services), each keeping its own parameter type.
 */
export function commandTable<T extends Readonly<Record<string, object>>>(specs: T): Named<T> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name }])) as Named<T>;
}

/** The parameters of an operation whose v2 body is its operationName alone. */
export function noParams(): Record<string, never> {
  return {};
}

/** The v2 body DTOs of a table, in its order: the `oneOf` of the resource's OpenAPI request body. */
export function dtosOf(commands: Readonly<Record<string, Command>>): ClassConstructor<object>[] {
  return Object.values(commands).map((command) => command.dto);
}

/**
 * The v2 operations of a command table, for an OperationTable: each command's DTO, and `run` given the command and
 * the parameters its validated body gives. The one place a v2 body turns into a command's parameters.
 */
export function v2Operations<C, K extends Command>(
  commands: Readonly<Record<string, K>>,
  run: (context: C, command: K, params: unknown) => Promise<void>,
): Record<string, OperationDefinition<C>> {
  return Object.fromEntries(
    Object.entries(commands).map(([name, command]) => [
      name,
      { dto: command.dto, run: (context: C, body: object) => run(context, command, command.params(body)) },
    ]),
  );
}

/**
 * The OperationTable of a resource whose commands are sent at once and answer on CometD (calls, devices): `send`
 * runs the command, and the HTTP answer does not wait for T-Server.
 */
export function sentOperationTable<C, K extends Command>(
  resource: string,
  commands: Readonly<Record<string, K>>,
  send: (context: C, command: K, params: unknown) => void,
): OperationTable<C> {
  return new OperationTable<C>(
    resource,
    v2Operations(commands, (context: C, command, params) => {
      send(context, command, params);
      return Promise.resolve();
    }),
  );
}
