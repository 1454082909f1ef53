import { CFG_OBJECT_SCHEMAS, CfgObjectType, type CfgModelledType } from '@gws/confserv';
import { CfgActionCodeDto } from './cfg-action-code.dto';
import { CfgAgentLoginDto } from './cfg-agent-login.dto';
import { CfgDNDto } from './cfg-dn.dto';
import { CfgPersonDto } from './cfg-person.dto';
import { CfgPlaceDto } from './cfg-place.dto';
import { CfgSkillDto } from './cfg-skill.dto';
import type { CfgObjectBaseDto } from './cfg-object-base.dto';

/** The DTO that validates each type the admin API may change; the others (tenant, switch, application) are read-only. */
export const EDITABLE_TYPES: ReadonlyMap<CfgModelledType, new () => CfgObjectBaseDto> = new Map<
  CfgModelledType,
  new () => CfgObjectBaseDto
>([
  [CfgObjectType.Person, CfgPersonDto],
  [CfgObjectType.DN, CfgDNDto],
  [CfgObjectType.AgentLogin, CfgAgentLoginDto],
  [CfgObjectType.Place, CfgPlaceDto],
  [CfgObjectType.Skill, CfgSkillDto],
  [CfgObjectType.ActionCode, CfgActionCodeDto],
]);

/** `CfgPerson`, `cfgperson` or `person` -> CfgObjectType.Person; undefined when not a modelled type. */
export function parseObjectType(name: string): CfgModelledType | undefined {
  const lower = name.toLowerCase();
  const wanted = lower.startsWith('cfg') ? lower : `cfg${lower}`;
  for (const [type, schema] of Object.entries(CFG_OBJECT_SCHEMAS)) {
    if (schema.typeName.toLowerCase() === wanted) return Number(type) as CfgModelledType;
  }
  return undefined;
}
