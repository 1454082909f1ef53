import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { BODY_TOO_DEEP_MESSAGE, inspectBody } from '../../common/request-body';

const MISSING = new Set(['isDefined', 'isNotEmpty']);

/**
 * The `data` of a Workspace API v3 body (`{"data": {...}}`), validated against its DTO with the rules of the v2
 * operation table: no prototype keys, bounded depth, a field given as `null` is absent, a missing required field is
 * statusCode 1, an unknown or invalid one 10. A bodiless POST (what the library sends for `ready`) is `{}`.
 * `outside` lists top-level fields a body may carry beside `data` (the library puts `reasonCode` there for not-ready).
 */
export async function v3Data<D extends object>(
  dto: ClassConstructor<D>,
  body: unknown,
  operation: string,
  outside: readonly string[] = [],
): Promise<D> {
  const envelope = body ?? {};
  if (typeof envelope !== 'object' || Array.isArray(envelope)) {
    throw new GwsException(
      GwsStatus.ValidationError,
      `The body of ${operation} must be a JSON object: {"data": {...}}`,
    );
  }
  const problem = inspectBody(envelope);
  if (problem?.kind === 'tooDeep') throw new GwsException(GwsStatus.ValidationError, BODY_TOO_DEEP_MESSAGE);
  if (problem?.kind === 'forbiddenKey') {
    throw new GwsException(
      GwsStatus.ValidationError,
      `Invalid parameter '${problem.path}' for ${operation}: '${problem.key}' is not allowed as a key`,
    );
  }
  const unknown = Object.keys(envelope).find((key) => key !== 'data' && !outside.includes(key));
  if (unknown !== undefined) {
    throw new GwsException(GwsStatus.ValidationError, `Unknown parameter '${unknown}' for ${operation}`);
  }
  const data = (envelope as { data?: unknown }).data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new GwsException(
      GwsStatus.ValidationError,
      `Invalid parameter 'data' for ${operation}: it must be an object`,
    );
  }
  const parsed = plainToInstance(dto, data) as D & Record<string, unknown>;
  const errors = await validate(parsed, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailure(operation, errors[0]!);
  for (const key of Object.keys(parsed)) if (parsed[key] === null) delete parsed[key];
  return parsed;
}

function validationFailure(operation: string, error: ValidationError): GwsException {
  const { error: innermost, path } = deepest(error, 'data');
  const constraints = innermost.constraints ?? {};
  const absent = innermost.value === undefined || innermost.value === null;
  if (absent && Object.keys(constraints).some((key) => MISSING.has(key))) {
    return new GwsException(GwsStatus.MissingParameter, `Missing required parameter '${path}' for ${operation}`);
  }
  if ('whitelistValidation' in constraints) {
    return new GwsException(GwsStatus.ValidationError, `Unknown parameter '${path}' for ${operation}`);
  }
  const reason = Object.values(constraints)[0] ?? 'is not valid';
  return new GwsException(GwsStatus.ValidationError, `Invalid parameter '${path}' for ${operation}: ${reason}`);
}

function deepest(error: ValidationError, prefix: string): { error: ValidationError; path: string } {
  const path = `${prefix}.${error.property}`;
  const child = error.children?.[0];
  return child === undefined || error.constraints !== undefined ? { error, path } : deepest(child, path);
}
