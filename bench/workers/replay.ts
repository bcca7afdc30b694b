/**
 * The same-payload baseline: a static worker that answers, for each bench route, the very
 * status, headers and body bytes the app answered to the bench's probe. The difference between
 * it and the app is the app's own work (routing, validation, the memo); the difference between
 * it and the hello world is what sending that payload costs workerd.
 *
 * `PUT /<id>` with `{ status, headers: [name, value][], body: base64 | null }` stores an answer
 * (the bench does this once per route, before loading it); `GET /<id>` answers it, building the
 * Response per request from the stored bytes, as a static worker would. Unknown id: 404.
 */

interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array | null;
}

interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string | null;
}

const answers = new Map<string, Answer>();

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const id = new URL(request.url).pathname.slice(1);
    if (request.method === 'PUT') {
      const stored = (await request.json()) as StoredAnswer;
      answers.set(id, { status: stored.status, headers: stored.headers, body: stored.body === null ? null : decodeBase64(stored.body) });
      return new Response(null, { status: 204 });
    }
    const answer = answers.get(id);
    if (!answer) return new Response(`no answer stored for "${id}"`, { status: 404 });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
};
