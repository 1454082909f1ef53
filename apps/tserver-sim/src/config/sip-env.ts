import { z } from 'zod';
import { CTI_CONTROLS, SIP_DEFAULTS, type CtiControl, type SimulatorSipOptions } from '../sip/sip-options';

/** `host:port` (IPv4 or a name; 0 = a free port). */
const address = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')
  .transform((text) => {
    const at = text.lastIndexOf(':');
    return { host: text.slice(0, at), port: Number(text.slice(at + 1)) };
  })
  .refine((value) => value.port <= 65535, 'port above 65535');

const pattern = z.string().transform((text, ctx) => {
  try {
    return new RegExp(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a regular expression: ${text}` });
    return z.NEVER;
  }
});

/** `talk,hold`, `talk`, `hold`, or empty / `none` for a phone without remote control. */
const ctiControl = z.string().transform((text, ctx) => {
  const words = text
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '' && word !== 'none');
  const unknown = words.filter((word) => !(CTI_CONTROLS as readonly string[]).includes(word));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown sip-cti-control ${unknown.join(', ')} (talk, hold)` });
    return z.NEVER;
  }
  return words as CtiControl[];
});

/** The SIP side's variables (docs/simulator.md, "SIP side"): on when SIM_SIP_GATEWAY is set. */
export const SIP_ENV = z.object({
  SIM_SIP_GATEWAY: address.optional(),
  SIM_SIP_LISTEN: address.default({ host: '127.0.0.2', port: 5070 }),
  SIM_SIP_DOMAIN: z.string().min(1).default(SIP_DEFAULTS.domain),
  SIM_SIP_DN_PATTERN: pattern.default(SIP_DEFAULTS.dnPattern),
  SIM_SIP_CTI_CONTROL: ctiControl.default([...SIP_DEFAULTS.ctiControl]),
  SIM_SIP_INVITE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(SIP_DEFAULTS.inviteTimeoutMs),
});

export function sipOptionsFromEnv(env: z.infer<typeof SIP_ENV>): SimulatorSipOptions | undefined {
  if (env.SIM_SIP_GATEWAY === undefined) return undefined;
  return {
    listen: env.SIM_SIP_LISTEN,
    gateway: env.SIM_SIP_GATEWAY,
    domain: env.SIM_SIP_DOMAIN,
    dnPattern: env.SIM_SIP_DN_PATTERN,
    ctiControl: env.SIM_SIP_CTI_CONTROL,
    inviteTimeoutMs: env.SIM_SIP_INVITE_TIMEOUT_MS,
  };
}
