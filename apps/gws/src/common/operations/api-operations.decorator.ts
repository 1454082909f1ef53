import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';

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
  );
}
