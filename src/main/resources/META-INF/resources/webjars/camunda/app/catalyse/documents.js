// Documents of tasks and instances (fr.catalyse.documents), for the webapps' plugins: the Tasklist
// « Documents » tab of a task (list, attach, replace, remove, download) and the lists of the
// observatory. Every call goes to /camunda/api/catalyse/documents with the webapps' session; writes
// carry the session's CSRF token, which Camunda's filters check. French texts, HTML escaped here.
import {escapeHtml, formatDate, html} from './observatoire.js';

/**
 * /camunda/api/catalyse/documents, beside the webapps' own APIs: the part of api.engineApi
 * (e.g. /camunda/api/engine/engine/default) up to /api, so that another context path still works.
 */
export function documentsBase(api) {
  const engineApi = api && api.engineApi ? api.engineApi : '';
  const at = engineApi.indexOf('/api/');
  return `${at >= 0 ? engineApi.slice(0, at + 4) : '/camunda/api'}/catalyse/documents`;
}

export function downloadUrl(api, id) {
  return `${documentsBase(api)}/${encodeURIComponent(id)}/fichier`;
}

async function call(api, method, path, body) {
  let response;
  try {
    response = await fetch(documentsBase(api) + path, {
      method,
      credentials: 'same-origin',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''},
      body
    });
  } catch {
    throw new Error('Le serveur ne répond pas. Vérifiez votre connexion et réessayez.');
  }
  if (response.status === 204) return null;
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // No JSON: say it ourselves below.
  }
  if (!response.ok) {
    throw new Error((answer && answer.message) || (response.status === 413
      ? 'Fichier refusé : il dépasse la taille maximale d\u2019un envoi.'
      : 'Le serveur n\u2019a pas pu répondre. Réessayez dans un instant.'));
  }
  return answer;
}

function fileForm(file) {
  const form = new FormData();
  form.append('fichier', file, file.name);
  return form;
}

/** One line of a list of documents: its link (a download), type, size, who and when. */
export function documentLine(api, document, actions) {
  const when = formatDate(document.replacedAt || document.uploadedAt);
  return html`<li class="cat-document" data-id="${document.id}">
    <a class="cat-document-link" href="${downloadUrl(api, document.id)}" download="${document.name}">${document.name}</a>
    <span class="cat-document-facts">${document.type} · ${document.sizeLabel} · ${document.replacedAt ? 'remplacé' : 'déposé'} par
      ${document.uploadedBy} le ${when}</span>
    ${actions && document.mayChange ? html`<span class="cat-document-actions">
      <label class="btn btn-default btn-xs">Remplacer<input type="file" class="cat-replace" hidden></label>
      <button type="button" class="btn btn-default btn-xs cat-remove">Retirer</button></span>` : ''}
  </li>`;
}

/** The documents of an instance (a partnership's dossier, a cohort's publications), read only. */
export function documentsListMarkup(api, documents, empty) {
  if (!documents.length) return html`<p class="cat-detail">${empty}</p>`;
  return html`<ul class="cat-documents">${documents.map(document => documentLine(api, document, false))}</ul>`;
}

export async function instanceDocuments(api, processInstanceId) {
  return call(api, 'GET', `/instances/${encodeURIComponent(processInstanceId)}`);
}

function panelMarkup(api, panel, message) {
  const intro = panel.expected
    ? html`<p>Cette tâche attend ${panel.expected}${panel.required ? html` : <strong>un document est obligatoire pour la terminer</strong>` : ''}.</p>`
    : html`<p class="cat-detail">Cette tâche n\u2019attend pas de document.</p>`;
  const attach = panel.mayAttach ? html`<p class="cat-attach">
      <label class="btn btn-primary btn-sm">Joindre un fichier<input type="file" class="cat-add" hidden multiple></label>
      <span class="cat-detail">${panel.accepted} ; ${Math.round(panel.maxSize / 1048576)} Mo au plus par fichier.</span></p>`
    : (panel.open ? '' : html`<p class="cat-detail">La tâche est terminée : ses documents ne changent plus.</p>`);
  const list = panel.documents.length
    ? html`<ul class="cat-documents">${panel.documents.map(document => documentLine(api, document, true))}</ul>`
    : (panel.expected ? html`<p class="cat-detail">Aucun document joint pour l\u2019instant.</p>` : '');
  return html`${intro}${list}${attach}${message ? html`<p class="cat-message ${message.error ? 'cat-message-error' : ''}"
    role="${message.error ? 'alert' : 'status'}">${message.text}</p>` : ''}`;
}

/** Tasklist's « Documents » tab of a task. */
export function renderTaskDocuments(node, {api, taskId}) {
  let stopped = false;
  node.innerHTML = '<div class="cat-task-documents"><p role="status">Chargement…</p></div>';
  const target = node.firstChild;

  async function draw(message) {
    try {
      const panel = await call(api, 'GET', `/taches/${encodeURIComponent(taskId)}`);
      if (!stopped) target.innerHTML = panelMarkup(api, panel, message).text;
    } catch (error) {
      if (!stopped) target.innerHTML = `<p class="cat-message cat-message-error" role="alert">${escapeHtml(error.message)}</p>`;
    }
  }

  async function act(work, done) {
    try {
      await work();
      await draw({text: done});
    } catch (error) {
      await draw({text: error.message, error: true});
    }
  }

  target.addEventListener('change', event => {
    const input = event.target;
    if (!input.files || !input.files.length) return;
    const files = Array.from(input.files);
    if (input.classList.contains('cat-add')) {
      act(async () => {
        for (const file of files) await call(api, 'POST', `/taches/${encodeURIComponent(taskId)}`, fileForm(file));
      }, files.length > 1 ? `${files.length} fichiers joints.` : `« ${files[0].name} » est joint.`);
    } else if (input.classList.contains('cat-replace')) {
      const id = input.closest('.cat-document').dataset.id;
      act(() => call(api, 'POST', `/${encodeURIComponent(id)}`, fileForm(files[0])), `Fichier remplacé par « ${files[0].name} ».`);
    }
  });
  target.addEventListener('click', event => {
    const button = event.target.closest('.cat-remove');
    if (!button) return;
    const line = button.closest('.cat-document');
    const name = line.querySelector('.cat-document-link').textContent;
    if (window.confirm(`Retirer « ${name} » de la tâche ?`)) {
      act(() => call(api, 'DELETE', `/${encodeURIComponent(line.dataset.id)}`), `« ${name} » est retiré.`);
    }
  });
  draw(null);
  return () => {
    stopped = true;
  };
}
