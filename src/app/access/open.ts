// The users and tokens of a workspace file without the rest of the workspace: what `drawdown
// users` and `drawdown tokens` need. Opening it this way starts no planning and touches no plan,
// so it is safe beside a running server on the same file.

import { openStore } from '../../store/index.ts';
import { DEFAULT_DB } from '../../store/index.ts';
import { Access } from './access.ts';
import { Audit } from './audit.ts';

export interface AccessHandle {
  access: Access;
  audit: Audit;
  close(): void;
}

export function openAccess(db: string = DEFAULT_DB): AccessHandle {
  const store = openStore(db);
  const audit = new Audit(store);
  return { access: new Access(store, audit), audit, close: () => store.close() };
}
