import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/**
 * Validates a JSON body against a DTO class chosen at run time (the type comes from the path, so the global
 * ValidationPipe cannot pick it). Unknown fields are refused. @throws BadRequestException listing every problem
 */
export function validateBody<T extends object>(dto: new () => T, body: unknown, partial: boolean): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestException('the body must be a JSON object');
  }
  const instance = plainToInstance(dto, body);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    skipMissingProperties: partial,
  });
  if (errors.length > 0) throw new BadRequestException(errors.flatMap((error) => describe(error, '')));
  return instance;
}

function describe(error: ValidationError, prefix: string): string[] {
  const path = `${prefix}${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((text) => (prefix === '' ? text : `${path}: ${text}`));
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, `${path}.`))];
}
