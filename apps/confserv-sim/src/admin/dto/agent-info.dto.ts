import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class SkillLevelDto {
  @IsInt() @Min(1) readonly skillDBID!: number;
  @IsInt() @Min(0) @Max(10) readonly level!: number;
}

export class AgentLoginInfoDto {
  @IsInt() @Min(1) readonly agentLoginDBID!: number;
  @IsInt() @Min(0) readonly wrapupTime!: number;
}

export class AgentInfoDto {
  @IsOptional() @IsInt() @Min(0) readonly placeDBID?: number;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  readonly skillLevels?: SkillLevelDto[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgentLoginInfoDto)
  readonly agentLogins?: AgentLoginInfoDto[];
}
