// Access control and the audit trail, offered to the adapters through src/app/index.ts.
export { Access, LINK_TTL_MS, MIN_ADMIN_TOKEN, SESSION_IDLE_MS, SESSION_MAX_MS, nameProblems, type AccessOptions, type Changed, type SignIn, type TokenInfo, type UserInfo } from './access.ts';
export { Audit, GENESIS, clean, csvCell, type AuditCheck, type AuditEntry } from './audit.ts';
export { MAX_PASSWORD, MIN_PASSWORD, SCRYPT, SCRYPT_MEMORY, hashPassword, passwordProblems, passwordStrength, verifyPassword } from './passwords.ts';
export {
  AUTOMATION_USER, LOCAL_USER, ROLES, SYSTEM, actorOf, allows, anonymous, isRole, type Actor, type Principal, type Role, type Via,
} from './roles.ts';
export { PER_ADDRESS, PER_NAME, WINDOW_MS } from './throttle.ts';
export { openAccess, type AccessHandle } from './open.ts';
