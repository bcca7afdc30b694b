/**
 * The OpenAPI document exactly as the app serves it at /openapi.json, built in Node (Hono's
 * `app.request`, no workerd): for the document's validation, its lint and the generated-client
 * check.
 */

/** What is needed of the Hono app. */
interface App {
  request(path: string | Request): Response | Promise<Response>;
}

// Imported by a non-literal specifier: the root TypeScript project (Node types) cannot see
// workerd's ambient types (Env, Cache), which worker/tsconfig.json checks the app with.
const WORKER_ENTRY = '../worker/index';

/** The worker's Hono app (its named export `app`; the default export is workerd's handlers). */
export async function workerApp(): Promise<App> {
  return ((await import(/* @vite-ignore */ WORKER_ENTRY)) as { app: App }).app;
}

export type OpenApiJson = Record<string, any>;

export async function servedOpenApiDocument(): Promise<OpenApiJson> {
  const res = await (await workerApp()).request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiJson;
}
