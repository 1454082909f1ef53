import type { ClassConstructor } from 'class-transformer';
import { requestBaseUrl } from '../common/base-url';
import { commandTable, noParams, type Command, type CommandSpec } from '../common/operations/command';
import type { OperationContext } from '../common/operations/operation-context';
import type { ContactCenterSessionService } from '../voice/contact-center-session.service';
import { EndContactCenterSessionDto, StartContactCenterSessionDto } from '../voice/dto/session-operations.dto';
import type { LogoutService } from './logout.service';

/** What the session operations act through. */
export interface SessionServices {
  readonly contactCenter: ContactCenterSessionService;
  readonly logout: LogoutService;
}

/** One operation on the agent's contact-center session (docs/operations.md). */
export interface SessionOperation<P = unknown, D extends object = object> extends Command<P, D> {
  run(params: P, context: OperationContext, services: SessionServices): Promise<void>;
}

function sessionOperation<D extends object, P>(spec: {
  readonly dto: ClassConstructor<D>;
  readonly params: (body: D) => P;
  readonly run: (params: P, context: OperationContext, services: SessionServices) => Promise<void>;
}): CommandSpec<SessionOperation<P, D>> {
  return spec;
}

/** `POST /api/v2/me`: sitting down at a place and standing up again (docs/api.md, Operations). */
export const SESSION_OPERATIONS = commandTable({
  StartContactCenterSession: sessionOperation({
    dto: StartContactCenterSessionDto,
    params: (body) => ({ place: body.place, loginCode: body.loginCode, queue: body.queue }),
    run: (params, { principal, request }, { contactCenter }) =>
      contactCenter.start(principal, params, requestBaseUrl(request)),
  }),
  EndContactCenterSession: sessionOperation({
    dto: EndContactCenterSessionDto,
    params: noParams,
    run: (_, context, { logout }) => logout.endContactCenterSession(context),
  }),
});
