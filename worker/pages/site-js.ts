/**
 * The pages' only script, served at `/assets/site.<hash>.js` (see assets.ts). It enhances
 * what works without it: the builder is a GET form (this script swaps in the server-rendered
 * output as options change, from `/builder/output`, and keeps the address bar shareable),
 * and the snippets are plain text (this script adds copying).
 *
 * Plain ES2020, no build step: the worker serves this text as is. The end-to-end test drives
 * every path in Chromium (and fails on any console error), which is what keeps it honest.
 */
export const SITE_JS = /* js */ `
const form = document.getElementById('builder-form');
const output = document.getElementById('builder-output');
const status = document.getElementById('builder-status');

/** A field is worth a request once its value could be valid: a listed id, a full period. */
function settled(field) {
  if (field.value === '') return true;
  if (field.list) return Array.from(field.list.options).some((o) => o.value === field.value);
  if (field.pattern) return new RegExp('^(?:' + field.pattern + ')$').test(field.value);
  return field.checkValidity();
}

/**
 * Sizes chosen in the builder travel in data-style: the page's CSP forbids style attributes,
 * but not styles set through the CSSOM.
 */
function applySizes(root) {
  for (const element of root.querySelectorAll('[data-style]')) element.style.cssText = element.dataset.style;
}
applySizes(document);

if (form && output) {
  let controller = null;
  let timer = 0;

  const update = async () => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') query.append(name, value.trim());
    }
    if (controller) controller.abort();
    controller = new AbortController();
    output.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(form.dataset.output + '?' + query, { signal: controller.signal });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      // Same-origin markup rendered by the worker from the same components as the page.
      output.innerHTML = await response.text();
      applySizes(output);
      const share = output.querySelector('a[data-share]');
      if (share) history.replaceState(null, '', share.getAttribute('href'));
      if (status) status.textContent = status.dataset.updated;
    } catch (error) {
      if (error.name !== 'AbortError' && status) status.textContent = status.dataset.failed;
    } finally {
      output.removeAttribute('aria-busy');
    }
  };

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(update, delay);
  };

  form.addEventListener('input', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
    if (field.type === 'radio' || field instanceof HTMLSelectElement) schedule(0);
    else if (settled(field)) schedule(250);
  });
  // A committed value (blur, Enter) is sent even when unsettled, so the page can say what is wrong.
  form.addEventListener('change', () => schedule(0));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    schedule(0);
  });
}

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button) return;
  const code = document.getElementById(button.dataset.copy);
  if (!code) return;
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  try {
    await navigator.clipboard.writeText(code.textContent);
    button.textContent = button.dataset.copied;
  } catch {
    // No clipboard (an insecure origin, a denied permission): select the code for a manual copy.
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = button.dataset.failed;
  }
  setTimeout(() => (button.textContent = label), 2500);
});
`;
