import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { GwsException } from './gws.exception';
import { GwsStatus } from './gws-status';

/**
 * Every GWS query parameter (`fields`, `subresources`, ...) is one string, a comma-separated list where it takes
 * several values. Express turns a repeated parameter (`?fields=a&fields=b`) into an array, which handlers typed
 * `string` would crash on; this global pipe refuses it (statusCode 10, naming the parameter) before any handler runs.
 * Applied to `@Query('name')` and to the whole `@Query()` object alike.
 */
@Injectable()
export class SingleQueryValuePipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query') return value;
    if (metadata.data !== undefined) {
      checkQueryValue(metadata.data, value);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) checkQueryValue(name, item);
    }
    return value;
  }
}

function checkQueryValue(name: string, value: unknown): void {
  if (value === undefined || typeof value === 'string') return;
  throw new GwsException(
    GwsStatus.ValidationError,
    Array.isArray(value)
      ? `Invalid parameter '${name}': give it once, as one comma-separated list`
      : `Invalid parameter '${name}': it must be a plain string`,
  );
}
