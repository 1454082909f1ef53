import type { Request, Response } from 'express';
import type { GwsPrincipal } from '../../sessions/gws-principal';

/** What an operation handler may use of the HTTP exchange. */
export interface OperationContext {
  readonly principal: GwsPrincipal;
  readonly request: Request;
  readonly response: Response;
}
