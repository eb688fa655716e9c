// The sign-in screen: a user name and password, or the one-time link `drawdown start` printed
// (its token rides in the address's #fragment, which the browser never sends anywhere; the page
// exchanges it once for a session cookie and wipes it from the address bar).

import * as api from './api.ts';
import { h } from './dom.ts';

/** The token of a login link (`#token=…`, or `?token=…` as notebook servers write it), removed from the address. */
export function takeLinkToken(): string | null {
  const url = new URL(window.location.href);
  const fromHash = new URLSearchParams(url.hash.slice(1)).get('token');
  const fromQuery = url.searchParams.get('token');
  const token = fromHash ?? fromQuery;
  if (token === null) return null;
  url.hash = '';
  url.searchParams.delete('token');
  // replace, not push: the token leaves the history too
  window.history.replaceState(null, '', url.pathname + url.search);
  return token;
}

export function renderLogin(note: string | null, onSignedIn: () => void): HTMLElement {
  const name = h('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none', 'data-testid': 'login-name' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const show = h('input', { type: 'checkbox', id: 'login-show', 'data-testid': 'login-show', onchange: () => (password.type = show.checked ? 'text' : 'password') });
  const error = h('p', { class: 'login-error', role: 'alert', 'data-testid': 'login-error', hidden: !note }, note ?? '');
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
