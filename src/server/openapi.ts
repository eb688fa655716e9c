// The OpenAPI 3.1 description of the API, written by hand; the scenario and plan bodies come
// from the same zod schemas that check them, so the document cannot drift from the checks.

import { planJsonSchema, scenarioJsonSchema } from '../app/index.ts';

type Schema = Record<string, unknown>;
interface Operation {
  summary: string;
  operationId: string;
  parameters?: Schema[];
  requestBody?: Schema;
  responses: Record<string, Schema>;
  /** `[]` for the open routes; the document's default (bearer or session) otherwise */
  security?: Record<string, string[]>[];
}
type PathItem = Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>;
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string): Schema => ({ description, content: { 'application/json': { schema } } });
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema =>
  ({ type: 'object', properties, required });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const nullable = (type: string): Schema => ({ type: [type, 'null'] });
const dateTime: Schema = { type: 'string', format: 'date-time' };

const issues = json(ref('Issues'), 'the input has mistakes: every one is listed with its path (and YAML line when known)');
const notFound = json(ref('Error'), 'no such scenario, version or plan');
const tooLarge = json(ref('Error'), 'the request body is over the size limit');
const busy = { ...json(ref('Error'), 'the plan queue (or the body reader) is full: ask again after Retry-After seconds'), headers: { 'Retry-After': { schema: int } } };
const binary: Schema = { type: 'string', format: 'binary' };
const FILE_TYPES: Record<string, Schema> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary,
  'text/csv': str,
  'text/html': str,
  'application/geo+json': { type: 'object' },
  'text/calendar': str,
};
const download = (description: string, types = Object.keys(FILE_TYPES)): Schema => ({
  description,
  headers: { 'Content-Disposition': { schema: str } },
  content: Object.fromEntries(types.map((t) => [t, { schema: FILE_TYPES[t] }])),
});
const idParam = (what: string): Schema => ({ name: 'id', in: 'path', required: true, description: `${what} id`, schema: int });
const scenarioBody: Schema = {
  required: true,
  description: 'a scenario (formats.md): JSON, or YAML text (text/plain is refused: a cross-site form can send it)',
  content: {
    'application/json': { schema: ref('ScenarioFile') },
    'application/yaml': { schema: str },
    'text/yaml': { schema: str },
  },
};
const jsonBody = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema =>
  ({ required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties, required } } } });
const nameParam: Schema = { name: 'name', in: 'path', required: true, description: 'user name', schema: str };
const refused = json(ref('Error'), 'not signed in (401), or the role is too low (403; routes.ts names the role of every route)');
const issuesOr = (status: string) => json(ref('Issues'), status);
const created = json(obj({ id: int, version: int, warnings: { type: 'array', items: ref('Issue') } }, ['id', 'version']), 'saved');

export function openApiDocument(version: string): OpenApiDocument {
  const { $schema: _drop, ...scenarioFile } = scenarioJsonSchema();
  return {
    openapi: '3.1.0',
    info: {
      title: 'drawdown',
      version,
      description: 'Plan the withdrawal of a force or mission before a negotiated deadline: store scenarios as versions, plan them in the background, verify plans, import inventories from spreadsheets and export registers.',
    },
    paths: {
      '/api/health': { get: { summary: 'liveness and version (open: it answers while planning)', operationId: 'health', security: [], responses: { 200: json(obj({ ok: { const: true }, version: str }), 'up') } } },
      '/api/openapi.json': { get: { summary: 'this document', operationId: 'openapi', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
      '/api/scenarios': {
        get: { summary: 'every scenario with its latest version and plan', operationId: 'listScenarios', responses: { 200: json({ type: 'array', items: ref('ScenarioListing') }, 'scenarios, oldest first') } },
        post: { summary: 'save a new scenario as version 1', operationId: 'createScenario', requestBody: scenarioBody, responses: { 201: created, 400: issues, 413: tooLarge } },
      },
      '/api/scenarios/{id}': {
        get: {
          summary: 'one version of a scenario (the latest by default) with its original text',
          operationId: 'getScenario',
          parameters: [idParam('scenario'), { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
          responses: { 200: json(ref('ScenarioVersion'), 'the version'), 400: issues, 404: notFound },
        },
      },
      '/api/scenarios/{id}/versions': {
        post: {
          summary: 'save the next version of a scenario, based on the version the edit started from',
          operationId: 'addVersion',
          parameters: [idParam('scenario'), { name: 'baseVersion', in: 'query', required: true, description: 'the version this edit started from; a newer one saved meanwhile refuses the save (409)', schema: { type: 'integer', minimum: 1 } }],
          requestBody: scenarioBody,
          responses: { 201: created, 400: issues, 404: notFound, 409: json(ref('Conflict'), 'a newer version was saved after baseVersion: nothing was saved; who saved what since'), 413: tooLarge },
        },
      },
      '/api/validate': {
        post: { summary: 'check a scenario without saving it', operationId: 'validateScenario', requestBody: scenarioBody, responses: { 200: json(obj({ ok: { type: 'boolean' }, issues: { type: 'array', items: ref('Issue') }, warnings: { type: 'array', items: ref('Issue') } }), 'the verdict, with every issue'), 400: issues } },
      },
      '/api/scenarios/{id}/plans': {
        post: {
          summary: 'plan a version (the latest by default) in the background',
          operationId: 'startPlan',
          parameters: [idParam('scenario')],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { version: { type: 'integer', minimum: 1 }, seed: int } } } } },
          responses: { 202: json(obj({ id: int, status: { const: 'running' }, scenarioId: int, version: int }), 'queued: poll /api/plans/{id}'), 400: issues, 404: notFound, 429: busy },
        },
        get: { summary: 'the plans of a scenario, newest first', operationId: 'listPlans', parameters: [idParam('scenario')], responses: { 200: json({ type: 'array', items: ref('PlanListing') }, 'plans'), 404: notFound } },
      },
      '/api/plans/{id}': {
        get: {
          summary: 'the plan document (formats.md) once done',
          operationId: 'getPlan',
          parameters: [idParam('plan')],
          responses: {
            200: json(ref('Plan'), 'the plan'),
            202: json(obj({ id: int, status: { const: 'running' } }), 'still planning: poll again'),
            404: notFound,
            409: json(obj({ id: int, status: { const: 'failed' }, error: str }), 'planning failed'),
          },
        },
      },
      '/api/plans/{id}/cancel': {
        post: {
          summary: 'stop a queued or running plan; it is marked failed, "cancelled"',
          operationId: 'cancelPlan',
          parameters: [idParam('plan')],
          responses: {
            200: json(obj({ id: int, status: { const: 'failed' }, error: str }), 'stopped'),
            404: notFound,
            409: json(obj({ id: int, status: str, error: str, code: { const: 'conflict' } }), 'the plan has finished: nothing to cancel'),
          },
        },
      },
      '/api/plans/{id}/meta': {
        get: { summary: 'status and summary of a plan', operationId: 'getPlanMeta', parameters: [idParam('plan')], responses: { 200: json(ref('PlanMeta'), 'the plan row'), 404: notFound } },
      },
      '/api/import': {
        post: {
          summary: 'read an inventory spreadsheet (and optional roster) into a base scenario; nothing is saved',
          operationId: 'importSpreadsheet',
          requestBody: {
            required: true,
            description: 'items (required), personnel and mapping files; exactly one of baseScenarioId (+ version) or base',
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    items: { type: 'string', format: 'binary', description: 'the inventory, CSV or XLSX (docs/spreadsheets.md)' },
                    personnel: { type: 'string', format: 'binary', description: 'the roster, CSV or XLSX; the base keeps its personnel when absent' },
                    mapping: { type: 'string', format: 'binary', description: 'YAML or JSON: { "column header": field }' },
                    baseScenarioId: { type: 'integer', minimum: 1, description: 'a stored scenario the sheets fill in' },
                    version: { type: 'integer', minimum: 1, description: 'its version; the latest when absent' },
                    base: { type: 'string', description: 'or the base scenario as YAML or JSON text' },
                  },
                  required: ['items'],
                },
              },
            },
          },
          responses: {
            200: json(obj({ ok: { const: true }, text: { type: 'string', description: 'the scenario as YAML, for the editor' }, scenario: { type: 'object', description: 'the normalised scenario' }, warnings: { type: 'array', items: ref('SheetIssue') } }), 'the scenario'),
            400: json(obj({ ok: { const: false }, issues: { type: 'array', items: ref('SheetIssue') } }), 'every bad cell, by row and column'),
            404: notFound, 413: tooLarge,
          },
        },
      },
      '/api/plans/{id}/export': {
        get: {
          summary: 'a finished plan as a file: a register (XLSX or CSV), load plans (HTML), GeoJSON or a calendar (ICS)',
          operationId: 'exportPlan',
          parameters: [
            idParam('plan'),
            { name: 'what', in: 'query', required: true, schema: { enum: ['dispositions', 'transfers', 'handovers', 'sorties', 'loadplans', 'geojson', 'ics'] } },
            { name: 'format', in: 'query', required: false, description: 'csv or xlsx (default) for the registers; loadplans, geojson and ics have one format each', schema: { enum: ['xlsx', 'csv', 'html', 'geojson', 'ics'] } },
          ],
          responses: {
            200: download('the file, as an attachment named <scenario>-plan<id>-<what>.<ext>'),
            400: issues, 404: notFound,
            409: json(obj({ id: int, status: ref('PlanStatus'), error: str }), 'the plan is still running or failed'),
          },
        },
      },
      '/api/scenarios/{id}/export': {
        get: {
          summary: 'the inventory (items) of a scenario version as a spreadsheet the import reads back',
          operationId: 'exportInventory',
          parameters: [
            idParam('scenario'),
            { name: 'format', in: 'query', required: false, schema: { enum: ['xlsx', 'csv'], default: 'xlsx' } },
            { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { 200: download('the inventory, as an attachment named <scenario>-v<version>-items.<ext>', Object.keys(FILE_TYPES).slice(0, 2)), 400: issues, 404: notFound },
        },
      },
      '/api/session': {
        post: {
          summary: 'sign in with a name and password, or exchange a token (the one-time start link, DRAWDOWN_TOKEN, an API token) for a session cookie',
          operationId: 'signIn',
          security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [obj({ name: str, password: str }), obj({ token: str })] } } } },
          responses: { 200: json(ref('Session'), 'signed in; Set-Cookie carries the HttpOnly SameSite=Strict session'), 400: issues, 401: json(ref('Error'), 'wrong name, password or token'), 429: json(ref('Error'), 'too many failures: Retry-After says when to try again') },
        },
        get: { summary: 'who is signed in', operationId: 'whoAmI', responses: { 200: json(ref('Session'), 'the session'), 401: refused } },
        delete: { summary: 'sign out: the session ends and the cookie is cleared', operationId: 'signOut', responses: { 200: json(obj({ ok: { const: true } }), 'signed out'), 401: refused } },
      },
      '/api/session/password': {
        post: { summary: 'change your own password (the current one is needed)', operationId: 'changePassword', requestBody: jsonBody({ current: str, password: str }), responses: { 200: json({ type: 'object' }, 'changed; your other sessions end'), 400: issues, 403: issuesOr('the current password is wrong') } },
      },
      '/api/users': {
        get: { summary: 'every user (admin)', operationId: 'listUsers', responses: { 200: json({ type: 'array', items: ref('User') }, 'users'), 401: refused, 403: refused } },
        post: { summary: 'add a user (admin)', operationId: 'addUser', requestBody: jsonBody({ name: str, role: ref('Role'), password: str }), responses: { 201: json(ref('User'), 'added'), 400: issues, 401: refused, 403: refused } },
      },
      '/api/users/{name}': {
        patch: { summary: 'change a user’s role or password (admin)', operationId: 'changeUser', parameters: [nameParam], requestBody: jsonBody({ role: ref('Role'), password: str }, []), responses: { 200: json(ref('User'), 'changed'), 400: issues, 403: refused, 404: issuesOr('no such user') } },
        delete: { summary: 'disable a user: sessions end, tokens are revoked, the name stays in the trail (admin)', operationId: 'disableUser', parameters: [nameParam], responses: { 200: json(ref('User'), 'disabled'), 403: refused, 404: issuesOr('no such user') } },
      },
      '/api/tokens': {
        get: { summary: 'every bearer token, never its secret (admin)', operationId: 'listTokens', responses: { 200: json({ type: 'array', items: ref('Token') }, 'tokens'), 401: refused, 403: refused } },
        post: { summary: 'a bearer token acting as a user; the secret is in this answer only (admin)', operationId: 'createToken', requestBody: jsonBody({ user: str, label: str }, ['user']), responses: { 201: json({ allOf: [ref('Token'), obj({ token: str })] }, 'the token, once'), 400: issues, 403: refused, 404: issuesOr('no such user') } },
      },
      '/api/tokens/{id}': {
        delete: { summary: 'revoke a token (admin)', operationId: 'revokeToken', parameters: [idParam('token')], responses: { 200: json(ref('Token'), 'revoked'), 403: refused, 404: issuesOr('no live token') } },
      },
      '/api/audit': {
        get: {
          summary: 'the audit trail, newest first (planner)',
          operationId: 'listAudit',
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'before', in: 'query', required: false, description: 'rows older than this id (the next page)', schema: int },
            { name: 'user', in: 'query', required: false, schema: str },
            { name: 'action', in: 'query', required: false, description: 'an action or its family: scenario, plan, import, export, login, user, token, denied', schema: str },
          ],
          responses: { 200: json({ type: 'array', items: ref('AuditRow') }, 'rows'), 400: issues, 401: refused, 403: refused },
        },
      },
      '/api/audit/verify': {
        get: { summary: 'recompute the hash chain of the trail (planner)', operationId: 'verifyAudit', responses: { 200: json(obj({ ok: { type: 'boolean' }, rows: int, head: str, broken: obj({ id: int, reason: str }) }, ['ok', 'rows', 'head']), 'the check'), 401: refused, 403: refused } },
      },
      '/api/audit.csv': {
        get: { summary: 'the whole trail as CSV, oldest first (planner; the export is itself a row)', operationId: 'exportAudit', responses: { 200: { description: 'drawdown-audit-<date>.csv', headers: { 'Content-Disposition': { schema: str } }, content: { 'text/csv': { schema: str } } }, 401: refused, 403: refused } },
      },
      '/api/verify': {
        post: {
          summary: 'check a plan against a scenario, trusting nothing in the plan',
          operationId: 'verifyPlan',
          requestBody: json({
            type: 'object',
            description: 'exactly one of scenario, scenarioText or scenarioId',
            additionalProperties: false,
            properties: {
              scenario: ref('ScenarioFile'), scenarioText: str, scenarioFormat: { enum: ['yaml', 'json'] },
              scenarioId: int, version: int, plan: ref('Plan'),
            },
            required: ['plan'],
          }, 'the scenario and the plan'),
          responses: {
            200: json(obj({ valid: { type: 'boolean' }, violations: { type: 'array', items: ref('Violation') } }), 'the verdict'),
            400: issues, 404: notFound, 413: tooLarge,
          },
        },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'DRAWDOWN_TOKEN or a token from drawdown tokens create' },
        session: { type: 'apiKey', in: 'cookie', name: '__Host-drawdown', description: 'set by POST /api/session; writes must come from the page itself (Origin checked)' },
      },
      schemas: {
        Role: { enum: ['viewer', 'planner', 'admin'] },
        Session: obj({ user: str, role: ref('Role'), via: { enum: ['password', 'token', 'link', 'env-token'] } }, ['user', 'role', 'via']),
        User: obj({ name: str, role: ref('Role'), createdAt: dateTime, passwordChangedAt: dateTime, disabled: { type: 'boolean' } }),
        Token: obj({ id: int, user: str, label: str, createdAt: dateTime, lastUsedAt: nullable('string'), revoked: { type: 'boolean' } }),
        AuditRow: obj({
          id: int, at: dateTime, user: str, role: str, via: str, action: str, target: str, detail: { type: 'object' },
          from: { type: 'string', description: 'the remote address, or local' }, hash: { type: 'string', description: 'SHA-256 of the previous row’s hash and this row' },
        }),
        Conflict: obj({
          error: str, code: { const: 'conflict' }, baseVersion: int,
          latest: obj({ version: int, createdAt: dateTime, createdBy: nullable('string'), name: str }),
          since: { type: 'array', items: obj({ version: int, createdAt: dateTime, createdBy: nullable('string') }) },
          changes: { type: 'array', items: obj({ path: str, before: str, after: str }, ['path']) },
          changeCount: int,
        }),
        Issue: obj({ path: str, message: str, line: int }, ['path', 'message']),
        Issues: obj({ issues: { type: 'array', items: ref('Issue') } }),
        Error: obj({ error: str, code: str }),
        SheetIssue: obj(
          { file: str, row: int, column: str, message: str, text: { type: 'string', description: 'row 7, column "Location": unknown site "nowhere"' }, value: { type: 'string', description: 'the cell as written' } },
          ['message', 'text'],
        ),
        Violation: obj({ rule: str, message: str, refs: { type: 'array', items: str } }),
        ScenarioFile: scenarioFile,
        Plan: planJsonSchema(),
        ScenarioListing: obj({
          id: int, name: str, version: int, versions: int, createdAt: dateTime,
          latestPlan: { oneOf: [{ type: 'null' }, obj({ id: int, version: int, status: ref('PlanStatus'), feasible: nullable('boolean'), closure: nullable('string') })] },
        }),
        ScenarioVersion: obj({
          id: int, version: int, versions: { type: 'array', items: obj({ version: int, createdAt: dateTime, createdBy: nullable('string') }) },
          name: str, format: { enum: ['yaml', 'json'] }, text: str, scenario: { type: 'object', description: 'the normalised scenario' }, createdAt: dateTime,
        }),
        PlanStatus: { enum: ['running', 'done', 'failed'] },
        PlanListing: obj({
          id: int, version: int, status: ref('PlanStatus'), feasible: nullable('boolean'), closure: nullable('string'),
          sorties: nullable('integer'), costUsd: nullable('number'), seed: nullable('integer'), error: nullable('string'),
          createdAt: dateTime, finishedAt: nullable('string'),
        }),
        PlanMeta: obj({
          id: int, scenarioId: int, version: int, status: ref('PlanStatus'), error: nullable('string'), seed: nullable('integer'),
          problems: { type: 'array', items: str }, feasible: nullable('boolean'), closure: nullable('string'),
          sorties: nullable('integer'), costUsd: nullable('number'), createdAt: dateTime, finishedAt: nullable('string'),
        }),
      },
    },
  };
}
