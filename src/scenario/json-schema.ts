// JSON Schema of the scenario file, generated from the same zod schemas the loader uses, so
// editors (VS Code YAML/JSON) offer completion and help that cannot drift from the checks.
// Cross-checks (references, duplicates, runway limits) are beyond JSON Schema; the loader does them.

import { z } from 'zod';
import { ScenarioFileSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input', // fields with defaults are optional to the person writing the file
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema: _drop, ...rest } = generated;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'drawdown scenario, format version 1',
    ...rest,
  };
}
