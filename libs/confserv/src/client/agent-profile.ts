import type { CfgAgentLogin, CfgDN, CfgPerson, CfgPlace, CfgSkill, CfgSwitch } from '../objects/cfg-objects';

/** What a desktop needs to log an agent in: the person, their logins, their place and its DNs. */
export interface AgentProfile {
  readonly person: CfgPerson;
  /** In the order of `person.agentInfo.agentLogins`. */
  readonly agentLogins: readonly CfgAgentLogin[];
  /** The default place, if the person has one. */
  readonly place: CfgPlace | undefined;
  /** The DNs of the place, in the place's `DNDBIDs` order. */
  readonly dns: readonly CfgDN[];
  /** Skills the person has; levels are in `person.agentInfo.skillLevels`. */
  readonly skills: readonly CfgSkill[];
  /** The switch of the first agent login (else of the first DN). */
  readonly switch: CfgSwitch | undefined;
}
