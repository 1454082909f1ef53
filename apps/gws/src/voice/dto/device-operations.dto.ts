import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class DoNotDisturbOnDto {
  @ApiProperty({ enum: ['DoNotDisturbOn'] })
  @Equals('DoNotDisturbOn')
  readonly operationName!: 'DoNotDisturbOn';
}

export class DoNotDisturbOffDto {
  @ApiProperty({ enum: ['DoNotDisturbOff'] })
  @Equals('DoNotDisturbOff')
  readonly operationName!: 'DoNotDisturbOff';
}

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

export class ForwardCallsOffDto {
  @ApiProperty({ enum: ['ForwardCallsOff'] })
  @Equals('ForwardCallsOff')
  readonly operationName!: 'ForwardCallsOff';
}
