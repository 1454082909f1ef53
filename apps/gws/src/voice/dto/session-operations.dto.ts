import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainOperation } from '../../common/operations/plain-operation.dto';
import { ArrayNotEmpty, Equals, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class StartContactCenterSessionDto {
  @ApiProperty({ enum: ['StartContactCenterSession'] })
  @Equals('StartContactCenterSession')
  readonly operationName!: 'StartContactCenterSession';

  @ApiProperty({
    type: [String],
    example: ['voice'],
    description: 'Media channels to log in to; this server has voice.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['voice'], { each: true, message: "channels may only hold 'voice'" })
  readonly channels!: string[];

  @ApiPropertyOptional({
    example: 'Place_5001',
    description: "Place to sit at; the person's default place if left out.",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  readonly place?: string;

  @ApiPropertyOptional({
    example: '1001',
    description: "Agent login code; the person's first login on the switch if left out.",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly loginCode?: string;

  @ApiPropertyOptional({ example: '8001', description: 'ACD queue to log in to.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly queue?: string;
}

export const EndContactCenterSessionDto = plainOperation('EndContactCenterSession');
