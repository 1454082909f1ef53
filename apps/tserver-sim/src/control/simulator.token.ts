/** Injection token of the simulator the control API drives (a `SimulatorControl`). */
export const SIMULATOR = Symbol('SIMULATOR');
