// Connections page helpers: the consent popup (opened synchronously from the click so browsers allow it)
// and the bridge that tells the Blazor page what happened in it.
const state = { listener: null, popup: null, timer: null, link: null };

function report(method, ...args) {
  if (state.listener) {
    state.listener.invokeMethodAsync(method, ...args).catch(() => { });
  }
}

function openPopup(url, link) {
  const width = 560, height = 720;
  const left = Math.round(window.screenX + Math.max(0, (window.outerWidth - width) / 2));
  const top = Math.round(window.screenY + Math.max(0, (window.outerHeight - height) / 2));
  let popup = null;
  try {
    popup = window.open(url, 'portal-connect', `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    popup = null;
  }

  clearInterval(state.timer);
  if (!popup) {
    report('OnPopupBlocked', link || '');
    return false;
  }

  state.popup = popup;
  state.link = link;
  try { popup.focus(); } catch { }
  // The callback page posts a message before it closes; a close without one means the user gave up.
  state.timer = setInterval(() => {
    if (popup.closed) {
      clearInterval(state.timer);
      report('OnPopupClosed', link || '');
    }
  }, 600);
  report('OnPopupOpened', link || '');
  return false;
}

window.addEventListener('message', event => {
  const data = event.data;
  if (event.origin !== window.location.origin || !data || data.type !== 'portal-oauth') {
    return;
  }

  clearInterval(state.timer);
  report('OnAuthorizationMessage', data.connection || state.link || '', data.status || 'error', data.message || '');
});

window.portalConnections = { openPopup };

// Delegated click handler: the CSP forbids inline onclick attributes, and the popup must open inside the click.
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('[data-portal-popup]') : null;
  if (button) {
    event.preventDefault();
    openPopup(button.getAttribute('data-portal-popup'), button.getAttribute('data-link'));
  }
});

export function listen(dotNetRef) {
  state.listener = dotNetRef;
}

export function stop(dotNetRef) {
  if (state.listener === dotNetRef) {
    state.listener = null;
  }
}

export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
