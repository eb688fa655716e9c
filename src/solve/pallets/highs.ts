// The HiGHS solver (WebAssembly), loaded once when this module is first imported: the loader is
// asynchronous but each solve is synchronous, so the palletiser stays synchronous.
// TODO(shared): the same loader as src/solve/bounds/highs.ts; both belong in the shared module
// inside src/solve/ that stages import (issue 10, item 6).

import * as highsModule from 'highs';
import type { Highs } from 'highs';

// The package's types describe a CommonJS module; as an ES module its default export is the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
export const highs: Highs = await loadHighs();
