// The sign-in screen: a user name and password, or the one-time link `drawdown start` printed
// (its token rides in the address's #fragment, which the browser never sends anywhere; the page
// exchanges it once for a session cookie and wipes it from the address bar).

import * as api from './api.ts';
import { h } from './dom.ts';

const NOTES: Record<string, string> = {
  'signed-out': 'Signed out.',
  'session-ended': 'Your session has ended: sign in again.',
};

/**
 * What the address brings: the token of a login link (`#token=…`, or `?token=…` as notebook
 * servers write it) or a note after signing out, both removed from the address (and its history).
 */
export function takeFromAddress(): { token: string | null; note: string | null } {
  const url = new URL(window.location.href);
  const hash = new URLSearchParams(url.hash.slice(1));
  const token = hash.get('token') ?? url.searchParams.get('token');
  const note = NOTES[url.hash.slice(1)] ?? null;
  if (token === null && note === null) return { token: null, note: null };
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search);
  return { token, note };
}

/** Leaves the workspace: a fresh page load drops every scenario and plan the page held (ASVS 8.2.3). */
export function leave(why: 'signed-out' | 'session-ended'): void {
  window.location.replace(`${window.location.pathname}#${why}`);
  window.location.reload();
}

/** `note`: a line above the form, an `error` (a link that did not work) or `info` (signed out). */
export function renderLogin(note: { text: string; kind: 'error' | 'info' } | null, onSignedIn: () => void): HTMLElement {
  const name = h('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none', 'data-testid': 'login-name' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const show = h('input', { type: 'checkbox', id: 'login-show', 'data-testid': 'login-show', onchange: () => (password.type = show.checked ? 'text' : 'password') });
  const error = h('p', { class: 'login-error', role: 'alert', 'data-testid': 'login-error', hidden: note?.kind !== 'error' }, note?.kind === 'error' ? note.text : '');
  const info = h('p', { class: 'login-note', role: 'status', 'data-testid': 'login-note', hidden: note?.kind !== 'info' }, note?.kind === 'info' ? note.text : '');
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' }, 'Sign in');
  const form = h(
    'form',
    {
      class: 'login-form',
      'data-testid': 'login-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void go();
      },
    },
    h('label', { for: 'login-name' }, 'User name'),
    name,
    h('label', { for: 'login-password' }, 'Password'),
    password,
    h('label', { class: 'login-show', for: 'login-show' }, show, ' Show password'),
    error,
    submit,
  );

  async function go(): Promise<void> {
    submit.disabled = true;
    error.hidden = true;
    info.hidden = true;
    try {
      const r = await api.signIn({ name: name.value.trim(), password: password.value });
      if (r.ok) return onSignedIn();
      error.textContent = r.error;
      error.hidden = false;
      password.select();
    } catch (e) {
      error.textContent = `Cannot reach the drawdown server: ${(e as Error).message}`;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }

  queueMicrotask(() => name.focus());
  return h(
    'div',
    { class: 'login-page', 'data-testid': 'login' },
    h(
      'section',
      { class: 'login-card' },
      h('div', { class: 'brand login-brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '▼'), 'drawdown'),
      h('h1', null, 'Sign in to the withdrawal workspace'),
      info,
      form,
      h(
        'div',
        { class: 'login-help' },
        h('p', null, h('b', null, 'On the machine that runs drawdown: '), 'open the link ', h('code', null, 'drawdown start'), ' printed in its terminal. It signs this browser in once, with no password.'),
        h('p', null, h('b', null, 'No account yet? '), 'Ask the workspace admin to run ', h('code', null, 'drawdown users add NAME --role planner'), ' on that machine.'),
      ),
    ),
  );
}
