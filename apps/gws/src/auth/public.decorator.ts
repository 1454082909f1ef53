import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gws:public';

/** Marks a route that answers without a session (diagnostics, health, metrics, API docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
