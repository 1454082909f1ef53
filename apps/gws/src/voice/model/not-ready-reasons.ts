import { createHash } from 'node:crypto';

/** A not-ready reason an agent may give: a Configuration Server action code of type NotReady. */
export interface NotReadyReason {
  readonly name: string;
  readonly code: string;
  /** Stable id of the agent state this reason stands for (settings/agent-states). */
  readonly stateId: string;
}

/** The not-ready reasons, found by code or, case-insensitively, by name. */
export class NotReadyReasons {
  private readonly byCode = new Map<string, NotReadyReason>();
  private readonly byName = new Map<string, NotReadyReason>();

  constructor(reasons: readonly { name: string; code: string }[]) {
    for (const { name, code } of reasons) {
      const reason = { name, code, stateId: stateIdFor(code) };
      this.byCode.set(code, reason);
      this.byName.set(name.toLowerCase(), reason);
    }
  }

  get all(): NotReadyReason[] {
    return [...this.byCode.values()];
  }

  /** A reason given by its code (`101`) or its name (`Lunch`). */
  find(codeOrName: string): NotReadyReason | undefined {
    return this.byCode.get(codeOrName) ?? this.byName.get(codeOrName.toLowerCase());
  }

  byReasonCode(code: string): NotReadyReason | undefined {
    return this.byCode.get(code);
  }
}

/** UUID-shaped, upper case like the built-in state ids, derived from the code so every node agrees. */
function stateIdFor(code: string): string {
  const hex = createHash('sha256').update(`agent-state\0${code}`).digest('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
