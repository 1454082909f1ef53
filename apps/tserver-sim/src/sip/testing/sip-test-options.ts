import type { SimulatorSipOptions } from '../sip-options';
import type { SippUas } from './sipp-uas';

/** The simulator's SIP side on 127.0.0.2 (a free port), its gateway the SIPp that plays gateway and phone. */
export function sipOptionsFor(sipp: SippUas, options: Partial<SimulatorSipOptions> = {}): SimulatorSipOptions {
  return {
    listen: { host: '127.0.0.2', port: 0 },
    gateway: { host: sipp.host, port: sipp.port },
    ...options,
  };
}

/** Fails with SIPp's logs unless it ran its scenario to the end (exit code 0). */
export async function expectScenarioPassed(sipp: SippUas, timeoutMs = 10_000): Promise<void> {
  const exit = await sipp.exited(timeoutMs);
  if (exit.code !== 0) throw new Error(`SIPp scenario failed (exit ${exit.code ?? exit.signal})\n${sipp.log()}`);
}
