import { CfgFlag } from '@gws/confserv';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { AgentInfoDto } from './agent-info.dto';
import { CfgObjectBaseDto } from './cfg-object-base.dto';

const FLAGS = [CfgFlag.False, CfgFlag.True];

export class CfgPersonDto extends CfgObjectBaseDto {
  @IsString() @IsNotEmpty() readonly userName!: string;
  @IsOptional() @IsString() readonly firstName?: string;
  @IsOptional() @IsString() readonly lastName?: string;
  @IsOptional() @IsString() readonly employeeID?: string;
  @IsOptional() @IsString() readonly emailAddress?: string;
  @IsOptional() @IsIn(FLAGS) readonly isAgent?: number;
  @IsOptional() @IsIn(FLAGS) readonly isAdmin?: number;
  /** Plain text in the request only: hashed at once, never stored or logged as it came. */
  @IsOptional() @IsString() readonly password?: string;
  @IsOptional() @ValidateNested() @Type(() => AgentInfoDto) readonly agentInfo?: AgentInfoDto;
}
