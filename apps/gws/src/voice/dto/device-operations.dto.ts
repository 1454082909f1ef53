import { ApiProperty } from '@nestjs/swagger';
import { plainOperation } from '../../common/operations/plain-operation.dto';
import { Equals, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const DoNotDisturbOnDto = plainOperation('DoNotDisturbOn');

export const DoNotDisturbOffDto = plainOperation('DoNotDisturbOff');

export class ForwardCallsOnDto {
  @ApiProperty({ enum: ['ForwardCallsOn'] })
  @Equals('ForwardCallsOn')
  readonly operationName!: 'ForwardCallsOn';

  @ApiProperty({ example: '5002', description: 'Where calls go: a plain phone number string (not an object).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^\+?[0-9*#]+$/, { message: 'destination must be a phone number: digits, optionally a leading +, * or #' })
  readonly destination!: string;
}

export const ForwardCallsOffDto = plainOperation('ForwardCallsOff');
