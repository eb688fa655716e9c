// The JSON Schemas an editor or a client reads: the scenario file's (from the loader's zod
// schemas) and the plan's shape (from the verifier's), so documents cannot drift from checks.

export { scenarioJsonSchema } from '../scenario/index.ts';
import { z } from 'zod';
import { planSchema } from '../verify/plan-shape.ts';

export function planJsonSchema(): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(planSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
