// Where the package's own files are, wherever it is run from.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_SCENARIO = join(PACKAGE_ROOT, 'scenarios', 'niger-2024.yaml');
