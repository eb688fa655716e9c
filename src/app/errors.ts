// The second error channel (src/model/errors.ts), offered to the adapters through app/.
export { DrawdownError, EXIT, exitCodeFor, type ErrorCode } from '../model/errors.ts';
