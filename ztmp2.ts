import { scenarioJsonSchema } from './src/scenario/json-schema.ts';
const s = scenarioJsonSchema() as any;
console.log(JSON.stringify(s, null, 1).slice(0, 3000));
console.log(JSON.stringify(s.properties.agreements, null, 1));
