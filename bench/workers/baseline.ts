/**
 * The baseline: Hono's hello world on the same workerd, same compatibility date. The subject's
 * requests per second are reported as a ratio to this one's, which cancels out the machine.
 */
import { Hono } from 'hono';

const app = new Hono();

app.get('/', (c) => c.text('Hello Hono!'));

export default app;
