import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const PHONE_NUMBER = /^\+?[0-9*#]{1,32}$/;

/** `destination` of Dial, transfers, conferences and Redirect: `{ "phoneNumber": "5002" }`. */
export class DestinationDto {
  @ApiProperty({ example: '5002', description: 'A DN or an external number: digits, optionally a leading +, * or #' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(33)
  @Matches(PHONE_NUMBER, { message: 'phoneNumber must be digits, optionally a leading +, * or # (at most 32)' })
  readonly phoneNumber!: string;
}
