/** `status` of every Workspace API v3 answer (ApiSuccessResponse, ApiErrorResponse). */
export interface V3Status {
  readonly code: number;
  readonly message?: string;
}

/** An answer with nothing more to say. */
export interface V3Answer {
  readonly status: V3Status;
}

/** An answer carrying data. */
export interface V3DataAnswer<T> extends V3Answer {
  readonly data: T;
}

/** Done (code 0). */
export const V3_OK: V3Answer = { status: { code: 0 } };

/** Accepted and sent on (code 1): the outcome follows on CometD (`/workspace/v3/voice`, `/workspace/v3/initialization`). */
export const V3_ACCEPTED: V3Answer = { status: { code: 1 } };

export function v3Data<T>(data: T): V3DataAnswer<T> {
  return { status: { code: 0 }, data };
}
