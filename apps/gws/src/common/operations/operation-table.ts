import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { GwsException } from '../gws.exception';
import { GwsStatus } from '../gws-status';
import { BODY_TOO_DEEP_MESSAGE, inspectBody } from '../request-body';

/** One operation of a resource: its body DTO (which also documents it in OpenAPI) and what it does. */
export interface OperationDefinition<C, D extends object = object> {
  readonly dto: ClassConstructor<D>;
  readonly run: (context: C, params: D) => Promise<void>;
}

/** Build definitions with this so `run` sees the DTO's own type. */
export function operation<C, D extends object>(
  dto: ClassConstructor<D>,
  run: (context: C, params: D) => Promise<void>,
): OperationDefinition<C> {
  return { dto, run: run as (context: C, params: object) => Promise<void> };
}

/**
 * The operations one resource accepts (`POST` with `operationName`). Parsing checks the body's shape (depth, no
 * prototype keys), the name and then the body against that operation's DTO, answering GWS statusCodes: 1 for a
 * missing parameter, 10 for a bad or unknown one. A parameter given as `null` counts as absent. Every body reaches
 * class-transformer and the services only through here.
 */
export class OperationTable<C> {
  /**
   * @param fallback operations known only at run time (custom agent states): asked for a name the table lacks
   * @param fallbackNames their names, for the error that lists what is allowed
   */
  constructor(
    readonly resource: string,
    private readonly operations: Readonly<Record<string, OperationDefinition<C>>>,
    private readonly fallback?: (name: string) => Promise<OperationDefinition<C> | undefined>,
    private readonly fallbackNames?: () => Promise<string[]>,
  ) {}

  get names(): string[] {
    return Object.keys(this.operations);
  }

  async execute(context: C, body: unknown): Promise<void> {
    const { definition, params } = await this.parse(body);
    await definition.run(context, params);
  }

  async parse(body: unknown): Promise<{ name: string; definition: OperationDefinition<C>; params: object }> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new GwsException(GwsStatus.ValidationError, 'The request body must be a JSON object with an operationName');
    }
    const name = (body as Record<string, unknown>)['operationName'];
    // Before anything recursive sees the body: class-transformer, class-validator and JSON.stringify.
    const problem = inspectBody(body);
    if (problem?.kind === 'tooDeep') throw new GwsException(GwsStatus.ValidationError, BODY_TOO_DEEP_MESSAGE);
    if (problem?.kind === 'forbiddenKey') {
      const operation = typeof name === 'string' ? ` for ${name}` : '';
      throw new GwsException(
        GwsStatus.ValidationError,
        `Invalid parameter '${problem.path}'${operation}: '${problem.key}' is not allowed as a key`,
      );
    }
    if (name === undefined || name === null) {
      throw new GwsException(GwsStatus.MissingParameter, "Missing required parameter 'operationName'");
    }
    if (typeof name !== 'string') {
      throw new GwsException(
        GwsStatus.ValidationError,
        `Invalid parameter 'operationName' for ${this.resource}: it must be a string; allowed: ${(await this.allowed()).join(', ')}`,
      );
    }
    const definition = Object.hasOwn(this.operations, name) ? this.operations[name] : await this.fallback?.(name);
    if (definition === undefined) {
      throw new GwsException(
        GwsStatus.ValidationError,
        `Unknown operationName ${JSON.stringify(name)} for ${this.resource}; allowed: ${(await this.allowed()).join(', ')}`,
      );
    }
    const params = plainToInstance(definition.dto, body) as Record<string, unknown>;
    const errors = await validate(params, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationFailure(name, errors);
    // Validation let only optional parameters through as null (required ones are missing, unknown ones refused): drop
    // them, so that the operation sees them absent, as its DTO type says.
    for (const key of Object.keys(params)) if (params[key] === null) delete params[key];
    return { name, definition, params };
  }

  private async allowed(): Promise<string[]> {
    return [...this.names, ...((await this.fallbackNames?.()) ?? [])];
  }
}

const MISSING = new Set(['isDefined', 'isNotEmpty']);

function validationFailure(operationName: string, errors: ValidationError[]): GwsException {
  const first = innermost(errors[0]!);
  const constraints = first.error.constraints ?? {};
  const field = first.path;
  const absent = first.error.value === undefined || first.error.value === null;
  if (Object.keys(constraints).some((key) => MISSING.has(key)) && absent) {
    return new GwsException(GwsStatus.MissingParameter, `Missing required parameter '${field}' for ${operationName}`);
  }
  if ('whitelistValidation' in constraints) {
    return new GwsException(GwsStatus.ValidationError, `Unknown parameter '${field}' for ${operationName}`);
  }
  const reason = Object.values(constraints)[0] ?? 'is not valid';
  return new GwsException(GwsStatus.ValidationError, `Invalid parameter '${field}' for ${operationName}: ${reason}`);
}

function innermost(error: ValidationError, prefix = ''): { error: ValidationError; path: string } {
  const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
  const child = error.children?.[0];
  return child === undefined || error.constraints !== undefined ? { error, path } : innermost(child, path);
}
