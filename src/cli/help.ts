// What `drawdown --help` and `drawdown COMMAND --help` print: one text per command, so each
// command's help says exactly its own options.

export const COMMANDS = ['check', 'plan', 'verify', 'schema', 'import', 'export', 'serve', 'start', 'users', 'tokens', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const USAGE: Record<Command, string> = {
  check: `drawdown check SCENARIO [--json]
  Validate a scenario (YAML or JSON; "niger-2024" names the built-in one) and summarise it:
  people, tonnes, sensitive units and value per site, the fleet, the deadlines.
  --json    print the normalised scenario as JSON (on bad input: the issues as JSON)`,
  plan: `drawdown plan SCENARIO [--json] [-o FILE] [--seed N] [--no-remedies]
  Plan the scenario and print the summary a planner reads in a minute.
  --json          print the full plan as JSON (docs/formats.md)
  -o, --output F  also write the full plan to F
  --seed N        seed of the planner's randomised choices (default 1); the same seed gives the same plan
  --no-remedies   when infeasible, do not replan to find remedies`,
  verify: `drawdown verify SCENARIO PLAN [--json]
  Check a plan (JSON, as drawdown plan --json writes it) against its scenario, trusting nothing in it.
  --json    print { valid, violations } as JSON (on bad input: the issues as JSON)`,
  schema: `drawdown schema [--plan]
  Print the JSON Schema of the scenario file (for editors), or of the plan with --plan.`,
  import: `drawdown import --items FILE [--personnel FILE] [--base SCENARIO] [--mapping FILE] [-o OUT.yaml|OUT.json] [--json]
  Read a CSV/XLSX inventory (and roster) into a scenario; every bad cell is named by row and column,
  and nothing is written unless the whole result is a valid scenario.
  --json    on bad input print the issues as JSON`,
  export: `drawdown export SCENARIO [PLAN] --what W [--format csv|xlsx] [-o FILE]
  W: dispositions, transfers, handovers, sorties (registers, CSV or XLSX), loadplans (printable HTML),
  geojson, ics, items (the scenario's inventory; needs no PLAN).`,
  serve: `drawdown serve [--port N] [--db FILE] [--host ADDR] [--allow-host NAMES]
  Serve the workspace (web page and HTTP API) on localhost; PORT is respected (default 8080).
  Prints the address with a one-time login token (it signs one browser in as "local", an admin).
  --host ADDR         listen on ADDR (0.0.0.0: every network); beyond this machine it needs a user first
  --allow-host NAMES  more host names to answer for, comma-separated (a DNS name, a proxy's name)
  DRAWDOWN_TOKEN      an admin token for automation: scripts send Authorization: Bearer $DRAWDOWN_TOKEN`,
  start: `drawdown start [--port N] [--db FILE] [--host ADDR] [--allow-host NAMES]
  Load and plan the built-in Niger 2024 scenario (once), then serve it (database ./data/drawdown.db),
  printing the address with a one-time login token. Options as for drawdown serve.`,
  users: `drawdown users add NAME --role viewer|planner|admin [--db FILE]
  drawdown users list [--json] | role NAME ROLE | passwd NAME | disable NAME   [--db FILE]
  Who may sign in to the workspace. viewer reads; planner edits scenarios, plans, imports and
  replans; admin also manages users and tokens. The password is asked for without echo (twice),
  or read from standard input when piped; never give it on the command line. It needs 12 to 128
  characters; a phrase of four words works. Disabling ends the user's sessions and tokens.`,
  tokens: `drawdown tokens create USER [--label TEXT] [--db FILE]
  drawdown tokens list [--json] | revoke ID   [--db FILE]
  Bearer tokens for scripts: a token acts as USER with USER's role, is printed once (standard
  output) and only its hash is kept. Send it as Authorization: Bearer TOKEN.`,
  help: `drawdown help [COMMAND]
  This text, or one command's.`,
};

const EXIT_CODES = `Exit codes:
  0  success (check: valid; plan: feasible; verify: no violations)
  1  verify: the plan breaks at least one rule
  2  bad input: unreadable file, invalid scenario or plan (every problem is listed), bad usage
  3  plan: a plan was made but it is not feasible (it says why and what would fix it)
  70 internal error (a bug: please report it with the input)`;

export function helpText(command?: string): string {
  if (command !== undefined && (COMMANDS as readonly string[]).includes(command)) {
    return `${USAGE[command as Command]}\n\n${EXIT_CODES}\n`;
  }
  return `drawdown — plan the withdrawal of a force or mission before a negotiated deadline

Usage:
${COMMANDS.map((c) => '  ' + USAGE[c].split('\n')[0]).join('\n')}
  drawdown --version

drawdown COMMAND --help says more about one command. SCENARIO is a YAML or JSON file
(docs/formats.md, version 1); "niger-2024" names the built-in one.

${EXIT_CODES}
`;
}
