/**
 * A deployment the environment cannot carry out as asked: no engine on PATH, a state database
 * missing or shared between the networks, a stack that was never synthesized. The CLI prints it as
 * a usage error (exit 2): the person running it must change the command or its environment.
 */
export class DeployError extends Error {}
