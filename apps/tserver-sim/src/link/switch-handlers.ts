import { readTMessage, type SpecifiedMessageName, type TAttributes, type TMessageAttributes } from '@gws/tlib';
import type { HandlerTable, RequestContext } from './request-context';

/** What a switch request does, given its attributes (its mandatory ones present and typed). */
export type SwitchActions = {
  readonly [N in SpecifiedMessageName]?: (attributes: TMessageAttributes<N>, ctx: RequestContext) => void;
};

/**
 * Handlers for requests that act on the switch (`switch` scope), each request named once: the handler reads the
 * request as that message, checking its mandatory attributes (EventError 53 otherwise), and runs its action.
 */
export function switchHandlers(actions: SwitchActions): HandlerTable {
  const table: HandlerTable = {};
  for (const name of Object.keys(actions) as SpecifiedMessageName[]) {
    // Sound: readTMessage below reads the request as this very name, so the action gets its own attribute type.
    const act = actions[name] as (attributes: TAttributes, ctx: RequestContext) => void;
    table[name] = { scope: 'switch', handle: (ctx) => act(readTMessage(ctx.request, name).attributes, ctx) };
  }
  return table;
}
