import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `activate-channels`: the library sends `agentId` and one of `dn`, `placeName`. */
export class ActivateChannelsDataDto {
  @ApiPropertyOptional({
    example: '1001',
    description: "One of the person's agent logins, or the person's employee id (then the login on the DN's switch)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly agentId?: string;

  @ApiPropertyOptional({
    example: '5001',
    description: "A DN of a place, or one of the person's agent logins (Genesys' tutorials pass the login as the DN)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly dn?: string;

  @ApiPropertyOptional({ example: 'Place_5001' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly placeName?: string;

  @ApiPropertyOptional({ example: '8001', description: 'ACD queue to log in to' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly queueName?: string;
}
