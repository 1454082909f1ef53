import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  getSchemaPath,
  type ApiResponseSchemaHost,
} from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';

const ERROR_BODY: ApiResponseSchemaHost['schema'] = {
  type: 'object',
  required: ['statusCode', 'statusMessage'],
  properties: {
    statusCode: { type: 'integer', description: 'GWS statusCode (docs/api.md)' },
    statusMessage: { type: 'string', description: 'What is wrong' },
  },
};

/** The failures every operation may answer, each with its GWS statusCodes (docs/api.md). */
const OPERATION_ERRORS: readonly [number, string, object][] = [
  [
    400,
    '1: a required parameter is missing; 10: invalid parameter, unknown operationName or malformed JSON',
    { statusCode: 10, statusMessage: 'Unknown operationName "Dance" for /me/channels/voice; allowed: Ready, NotReady' },
  ],
  [
    401,
    '20: not authenticated',
    { statusCode: 20, statusMessage: 'Access denied: send valid credentials (HTTP Basic) or a live session cookie' },
  ],
  [
    403,
    '3: missing or invalid CSRF token; 5: no permission',
    { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' },
  ],
  [404, '6: resource not found (or not yours)', { statusCode: 6, statusMessage: 'Device 2f1e... not found' }],
  [
    409,
    '2: not valid in the current state; 19: in use by another user',
    { statusCode: 2, statusMessage: 'No contact center session: send StartContactCenterSession first' },
  ],
  [
    503,
    '4: T-Server or Configuration Server unavailable',
    { statusCode: 4, statusMessage: 'T-Server is unavailable (link disconnected); try again shortly' },
  ],
];

/** Documents the error answers of a GWS endpoint. */
export function ApiGwsErrors(): MethodDecorator {
  return applyDecorators(
    ...OPERATION_ERRORS.map(([status, description, example]) =>
      ApiResponse({ status, description, schema: { ...ERROR_BODY, example } }),
    ),
  );
}

/**
 * Documents a GWS operation endpoint: the body is one of the DTOs, told apart by `operationName`, and the answer is
 * `{statusCode: 0}` at once (the outcome follows on CometD). Also sets HTTP 200, as GWS answers operations.
 */
export function ApiOperations(summary: string, dtos: readonly ClassConstructor<object>[]): MethodDecorator {
  return applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary }),
    ApiExtraModels(...dtos),
    ApiBody({ schema: { oneOf: dtos.map((dto) => ({ $ref: getSchemaPath(dto) })) } }),
    ApiOkResponse({
      description: 'Accepted and sent on; the result arrives as a CometD notification.',
      schema: { type: 'object', properties: { statusCode: { type: 'integer', example: 0 } } },
    }),
    ApiGwsErrors(),
  );
}
