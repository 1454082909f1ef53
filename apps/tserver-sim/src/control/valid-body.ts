import { ValidationPipe, type Type } from '@nestjs/common';

/**
 * A validating pipe for one DTO class. The type is given explicitly, not read from decorator metadata, because
 * `npm run sim:tserver` runs under tsx (esbuild), which emits no `design:paramtypes`: a global pipe would then see
 * no DTO and let every body through.
 */
export function validBody<T>(type: Type<T>): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, expectedType: type });
}
