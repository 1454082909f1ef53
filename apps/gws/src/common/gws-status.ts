import { HttpStatus } from '@nestjs/common';

/** GWS API v2 `statusCode` values (ReturnValues page, 8.5.0-8.6). */
export const GwsStatus = {
  Ok: 0,
  MissingParameter: 1,
  InvalidForState: 2,
  Forbidden: 3,
  InternalError: 4,
  NoPermission: 5,
  NotFound: 6,
  PartialSuccess: 7,
  MustChangePassword: 8,
  Incomplete: 9,
  ValidationError: 10,
  ReadOnly: 11,
  UnableToRetrieve: 12,
  UnableToCreate: 13,
  UnableToDelete: 14,
  UnableToUpdate: 15,
  UnableToAssign: 16,
  UnableToUnassign: 17,
  AlreadyExists: 18,
  InUse: 19,
  NotAuthenticated: 20,
} as const;

export type GwsStatusCode = (typeof GwsStatus)[keyof typeof GwsStatus];

/**
 * HTTP status line for each statusCode. The public docs do not give one (only 200 with statusCode 0, and 403 for CSRF),
 * so this is our choice, documented in docs/api.md: clients read `statusCode`; the line lets HTTP tooling see failures.
 */
export const HTTP_STATUS_FOR: Readonly<Record<GwsStatusCode, HttpStatus>> = {
  0: HttpStatus.OK,
  1: HttpStatus.BAD_REQUEST,
  2: HttpStatus.CONFLICT,
  3: HttpStatus.FORBIDDEN,
  4: HttpStatus.INTERNAL_SERVER_ERROR,
  5: HttpStatus.FORBIDDEN,
  6: HttpStatus.NOT_FOUND,
  7: HttpStatus.OK,
  8: HttpStatus.FORBIDDEN,
  9: HttpStatus.ACCEPTED,
  10: HttpStatus.BAD_REQUEST,
  11: HttpStatus.BAD_REQUEST,
  12: HttpStatus.BAD_GATEWAY,
  13: HttpStatus.BAD_GATEWAY,
  14: HttpStatus.BAD_GATEWAY,
  15: HttpStatus.BAD_GATEWAY,
  16: HttpStatus.BAD_GATEWAY,
  17: HttpStatus.BAD_GATEWAY,
  18: HttpStatus.CONFLICT,
  19: HttpStatus.CONFLICT,
  20: HttpStatus.UNAUTHORIZED,
};

/** Every failed answer has exactly these two fields. */
export interface GwsErrorBody {
  readonly statusCode: GwsStatusCode;
  readonly statusMessage: string;
}
