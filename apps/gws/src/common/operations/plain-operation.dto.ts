import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/**
 * The body DTO of an operation that takes nothing but its `operationName` (Ready, Answer, DoNotDisturbOn, ...),
 * named `<Name>Dto` in the OpenAPI document.
 */
export function plainOperation<N extends string>(name: N): new () => { readonly operationName: N } {
  class PlainOperationDto {
    @ApiProperty({ enum: [name] })
    @Equals(name)
    readonly operationName!: N;
  }
  Object.defineProperty(PlainOperationDto, 'name', { value: `${name}Dto` });
  return PlainOperationDto;
}
