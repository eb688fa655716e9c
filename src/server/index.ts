// The HTTP adapter: createApp (web-standard, testable in memory), serve (Node), startWorkspace.
export { createApp, DEFAULT_MAX_BODY, VERSION, type AppDeps } from './app.ts';
export { serve, defaultPort, type ServeOptions, type ServerHandle } from './serve.ts';
export { startWorkspace, type StartOptions, type WorkspaceHandle } from './start.ts';
export { openApiDocument } from './openapi.ts';
